import type { BookingBriefDto } from '../../../shared/bookings/bookings.types';
import type { ComparisonFinding } from '../../../shared/compare/compare.types';
import { USE_CASE_LABELS, type UseCase } from '../../../shared/compare/use-cases';
import type {
  QualityReport,
  StylePreset,
  VariantParams,
} from '../../../shared/drafts/drafts.types';
import { STYLE_LABELS } from '../../../shared/drafts/style-presets';

/**
 * The brief as stored on the booking when it is made: everything but the preview link, which
 * exists only while the draft does. A snapshot, so later edits or the draft's deletion never
 * change what the photographer was asked for.
 */
export type BriefSnapshot = Omit<BookingBriefDto, 'previewUrl'>;

/** What the brief is made from (a ready draft's chosen variant and its quality report). */
export interface BriefSource {
  style: StylePreset;
  params: VariantParams;
  report: QualityReport | null;
  useCase: UseCase | null;
  notes: string | null;
}

const STYLE_ORDER: StylePreset[] = ['professional', 'creative', 'relaxed'];

/**
 * The variant a brief shows when the client named none: the first ready one, the professional
 * look first, then creative and relaxed, then by age (the list comes oldest first).
 */
export function defaultBriefVariant<T extends { style: StylePreset; status: string }>(
  variants: readonly T[],
): T | null {
  const ready = variants.filter((v) => v.status === 'ready');
  return (
    [...ready].sort((a, b) => STYLE_ORDER.indexOf(a.style) - STYLE_ORDER.indexOf(b.style))[0] ??
    null
  );
}

export function briefSnapshot(source: BriefSource): BriefSnapshot {
  const findings: ComparisonFinding[] = (source.report?.checks ?? [])
    .filter((check) => check.status !== 'pass')
    .map((check) => ({
      label: check.label,
      status: check.status,
      measured: check.measured,
      fix: check.fix,
    }));
  return {
    useCase: source.useCase,
    style: source.style,
    params: { ...source.params },
    findings,
    text: briefText(source, findings),
  };
}

export function toBookingBriefDto(
  bookingId: string,
  brief: BriefSnapshot | null,
  draftId: string | null,
): BookingBriefDto | null {
  if (!brief) return null;
  return { ...brief, previewUrl: draftId ? `/api/bookings/${bookingId}/brief/preview` : null };
}

/** The brief in plain words, as a photographer reads it before the session. */
function briefText(source: BriefSource, findings: ComparisonFinding[]): string {
  const p = source.params;
  const lines = [
    'Brief from the client’s AI draft (the preview is AI-generated; match the look, not the pixels).',
  ];
  if (source.useCase) lines.push(`For: ${USE_CASE_LABELS[source.useCase]}`);
  lines.push(
    `Style: ${STYLE_LABELS[source.style].name} — ${STYLE_LABELS[source.style].description}`,
  );
  lines.push(
    p.backdrop === 'blur'
      ? 'Backdrop: their own surroundings, softly blurred'
      : `Backdrop: ${p.backdrop === 'gradient' ? 'gradient' : 'solid colour'} in ${p.backdropColor}`,
  );
  lines.push(`Crop: ${p.crop} (${cropWords(p.crop)})`);
  lines.push(
    `Ambience: ${[
      scaleWords(p.warmth, 'warm', 'cool', 'neutral colour temperature'),
      scaleWords(p.brightness, 'bright', 'dark', 'normal brightness'),
      scaleWords(p.contrast, 'contrasty', 'soft', 'normal contrast'),
      p.monochrome ? 'black and white' : 'in colour',
    ].join(', ')}`,
  );
  lines.push(
    `Retouch: ${p.retouch <= 0 ? 'none' : `${Math.round(p.retouch * 100)} % (skin texture kept)`}`,
  );
  lines.push(`Head: ${p.straighten ? 'levelled (straight)' : 'as photographed'}`);
  lines.push(`Client’s notes: ${source.notes?.trim() ? source.notes.trim() : 'none'}`);
  if (findings.length === 0) {
    lines.push('Quality report: every check passed.');
  } else {
    lines.push('What the AI draft could not fix (please get these right in the studio):');
    for (const f of findings) {
      lines.push(`- ${f.label} (${f.status}): ${f.measured}${f.fix ? ` — ${f.fix}` : ''}`);
    }
  }
  return lines.join('\n');
}

function cropWords(crop: VariantParams['crop']): string {
  if (crop === '1:1') return 'square';
  if (crop === '4:5') return 'portrait';
  return 'landscape';
}

/** −1 … 1 in words: "slightly warm", "very cool", or the neutral phrase. */
function scaleWords(value: number, up: string, down: string, neutral: string): string {
  const size = Math.abs(value);
  if (size < 0.1) return neutral;
  const word = value > 0 ? up : down;
  if (size < 0.35) return `slightly ${word}`;
  if (size < 0.7) return word;
  return `very ${word}`;
}
