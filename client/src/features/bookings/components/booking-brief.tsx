import { useState } from 'react';
import type { BookingBriefDto } from '@shared/bookings/bookings.types';
import type { ComparisonFinding } from '@shared/compare/compare.types';
import { USE_CASE_LABELS } from '@shared/compare/use-cases';
import type { BackdropKind, CheckStatus, Crop, VariantParams } from '@shared/drafts/drafts.types';
import { colourName, describeLook, lightWords } from '@shared/drafts/look-description';
import { Card } from '@/components/ui/card';
import './booking-brief.css';

export const DRAFT_DELETED_TEXT = 'The client deleted the draft; the written brief remains.';

interface BookingBriefProps {
  brief: BookingBriefDto;
  notes: string | null;
  /** The photographer (and admins) read it as their brief; the client sees what they see. */
  viewer: 'client' | 'photographer' | 'admin';
}

/** The look a client chose in an AI draft, handed to the photographer with the booking. */
export function BookingBrief({ brief, notes, viewer }: BookingBriefProps) {
  const [imageFailed, setImageFailed] = useState(false);
  const { params } = brief;
  // "Professional, adjusted" when the client changed the preset: the rows below say how.
  const look = describeLook(brief.style, params);
  const forClient = viewer === 'client';
  const preview = brief.previewUrl && !imageFailed ? brief.previewUrl : null;

  return (
    <Card
      as="section"
      aria-labelledby="brief-title"
      className="booking-brief stack"
      data-prominent={!forClient || undefined}
    >
      <div>
        <h2 id="brief-title" className="section-heading">
          {forClient ? 'What your photographer sees' : "Brief from the client's AI draft"}
        </h2>
        <p className="text-muted text-sm">
          {forClient
            ? 'The brief from your AI draft. Delete the draft and they keep only the text.'
            : 'The look the client chose in an AI draft. Use it as a reference, not a deliverable.'}
        </p>
      </div>
      <div className="booking-brief__body">
        {preview ? (
          <figure className="booking-brief__figure">
            <img
              className="booking-brief__image"
              src={preview}
              alt={forClient ? 'Your AI draft' : "The client's AI draft"}
              onError={() => setImageFailed(true)}
            />
            <figcaption className="booking-brief__label">AI draft</figcaption>
          </figure>
        ) : (
          <p className="booking-brief__gone">{DRAFT_DELETED_TEXT}</p>
        )}
        <dl className="details booking-brief__facts">
          {brief.useCase ? (
            <div className="details__row">
              <dt>For</dt>
              <dd>{USE_CASE_LABELS[brief.useCase]}</dd>
            </div>
          ) : null}
          <div className="details__row">
            <dt>Style</dt>
            <dd>{look.title}</dd>
          </div>
          <div className="details__row">
            <dt>Backdrop</dt>
            <dd>
              {BACKDROP_WORDS[params.backdrop]}
              {params.backdrop === 'blur' ? null : (
                <>
                  {`, ${colourName(params.backdropColor)}`}{' '}
                  <span
                    className="booking-brief__swatch"
                    style={{ backgroundColor: params.backdropColor }}
                    aria-hidden="true"
                  />{' '}
                  <code>{params.backdropColor}</code>
                </>
              )}
            </dd>
          </div>
          <div className="details__row">
            <dt>Crop</dt>
            <dd>{CROP_WORDS[params.crop]}</dd>
          </div>
          <div className="details__row">
            <dt>Ambience</dt>
            <dd>{ambience(params)}</dd>
          </div>
          <div className="details__row">
            <dt>Light</dt>
            <dd>{capitalise(lightWords(params.relight))}</dd>
          </div>
          <div className="details__row">
            <dt>Retouch</dt>
            <dd>{retouchWords(params.retouch)}</dd>
          </div>
          <div className="details__row">
            <dt>Notes</dt>
            <dd>{notes ?? <span className="text-muted">None</span>}</dd>
          </div>
        </dl>
      </div>
      <Findings findings={brief.findings} />
    </Card>
  );
}

function Findings({ findings }: { findings: ComparisonFinding[] }) {
  const open = findings.filter((finding) => finding.status !== 'pass');
  return (
    <div className="stack">
      <h3 className="booking-brief__subtitle">Quality check findings</h3>
      {open.length === 0 ? (
        <p className="text-muted">The draft passed every check.</p>
      ) : (
        <ul className="booking-brief__findings" aria-label="Quality check findings">
          {open.map((finding) => (
            <li key={finding.label} className="booking-brief__finding">
              <span className="booking-brief__status" data-status={finding.status}>
                {STATUS_WORDS[finding.status]}
              </span>{' '}
              <strong>{finding.label}</strong>
              {finding.measured ? `: ${finding.measured}` : ''}
              {finding.fix ? <p className="booking-brief__fix">Fix: {finding.fix}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const STATUS_WORDS: Record<CheckStatus, string> = {
  pass: 'Passed',
  warn: 'Worth a look',
  fail: 'Failed',
};

const BACKDROP_WORDS: Record<BackdropKind, string> = {
  gradient: 'Gradient',
  solid: 'Solid colour',
  blur: 'Their own background, softly blurred',
};

const CROP_WORDS: Record<Crop, string> = {
  '1:1': 'Square (1:1)',
  '4:5': 'Portrait (4:5)',
  '3:2': 'Landscape (3:2)',
};

/** −1…1 in words: "neutral", "slightly warm", "warm", "very warm". */
function scale(value: number, low: string, high: string, neutral: string): string {
  const size = Math.abs(value);
  if (size < 0.1) return neutral;
  const word = value < 0 ? low : high;
  if (size < 0.4) return `slightly ${word}`;
  return size < 0.75 ? word : `very ${word}`;
}

/** The grade in words: "Slightly warm colour, slightly brighter, softer contrast". */
export function ambience(params: VariantParams): string {
  const sentence = [
    params.monochrome
      ? 'black and white'
      : `${scale(params.warmth, 'cool', 'warm', 'neutral')} colour`,
    scale(params.brightness, 'darker', 'brighter', 'normal brightness'),
    `${scale(params.contrast, 'softer', 'stronger', 'normal')} contrast`,
  ].join(', ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function capitalise(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function retouchWords(retouch: number): string {
  if (retouch <= 0.05) return 'None';
  const level = retouch < 0.34 ? 'Light' : retouch < 0.67 ? 'Moderate' : 'Strong';
  return `${level}, skin texture kept`;
}
