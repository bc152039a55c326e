import type { RecommendationDto } from '@shared/compare/compare.types';

const CHOICES: { choice: RecommendationDto['choice']; label: string }[] = [
  { choice: 'ai', label: 'AI draft' },
  { choice: 'hybrid', label: 'Both' },
  { choice: 'studio', label: 'Studio session' },
];

export const CHOICE_SUMMARY: Record<RecommendationDto['choice'], string> = {
  ai: 'Our pick: the AI draft',
  studio: 'Our pick: a studio session',
  hybrid: 'Our pick: the AI draft now, a studio session for the official one',
};

/** The recommendation first: where it sits between AI and studio, the headline, and why. */
export function RecommendationPanel({
  recommendation,
  compact = false,
}: {
  recommendation: RecommendationDto;
  compact?: boolean;
}) {
  const { choice, headline, reasons } = recommendation;
  return (
    <section
      className={`cmp-rec cmp-rec--${choice}${compact ? ' cmp-rec--compact' : ''}`}
      aria-labelledby="cmp-rec-title"
    >
      <p className="cmp-rec__pick">{CHOICE_SUMMARY[choice]}</p>
      <ol className="cmp-rec__scale" aria-hidden="true">
        {CHOICES.map((c) => (
          <li key={c.choice} className={c.choice === choice ? 'is-chosen' : undefined}>
            {c.label}
          </li>
        ))}
      </ol>
      <h2 id="cmp-rec-title" className="cmp-rec__headline">
        {headline}
      </h2>
      <ul className="cmp-rec__reasons">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </section>
  );
}
