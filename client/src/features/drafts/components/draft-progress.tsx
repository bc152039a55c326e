import type { DraftDto, DraftStage } from '@shared/drafts/drafts.types';
import { Card } from '@/components/ui/card';

const STEPS: { stage: DraftStage; label: string }[] = [
  { stage: 'queued', label: 'Waiting for a free renderer' },
  { stage: 'analysing', label: 'Finding your face and measuring the photo' },
  { stage: 'segmenting', label: 'Separating you from the background' },
  { stage: 'rendering', label: 'Rendering three styles' },
  { stage: 'done', label: 'Done' },
];

/** The first render's progress: a bar and the stages, the current one marked. */
export function DraftProgress({ draft }: { draft: DraftDto }) {
  const current = STEPS.findIndex((s) => s.stage === draft.stage);
  return (
    <Card padding="lg" className="draft-progress">
      <h2 className="draft-progress__title">Making your drafts…</h2>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label="Draft progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={draft.progress}
      >
        <div className="progress-bar__fill" style={{ width: `${Math.max(4, draft.progress)}%` }} />
      </div>
      <ol className="draft-progress__steps">
        {STEPS.map((step, index) => (
          <li
            key={step.stage}
            className={
              index < current ? 'is-done' : index === current ? 'is-current' : 'is-waiting'
            }
            aria-current={index === current ? 'step' : undefined}
          >
            {step.label}
          </li>
        ))}
      </ol>
      <p className="draft-progress__note">
        Usually a few seconds. You can leave this page; it keeps going.
      </p>
    </Card>
  );
}
