import type { BookingBriefDto } from '../../../shared/bookings/bookings.types';
import type { ComparisonFinding } from '../../../shared/compare/compare.types';
import { USE_CASE_LABELS, type UseCase } from '../../../shared/compare/use-cases';
import type {
  QualityReport,
  StylePreset,
  VariantParams,
} from '../../../shared/drafts/drafts.types';
import {
  ambienceWords,
  backdropWords,
  changedFromPreset,
  cropWords,
  lightWords,
} from '../../../shared/drafts/look-description';
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

/**
 * The brief in plain words, as a photographer reads it before the session: the look from the
 * chosen variant's real parameters (the preset's description only when nothing was changed).
 */
function briefText(source: BriefSource, findings: ComparisonFinding[]): string {
  const p = source.params;
  const lines = [
    'Brief from the client’s AI draft (the preview is AI-generated; match the look, not the pixels).',
  ];
  if (source.useCase) lines.push(`For: ${USE_CASE_LABELS[source.useCase]}`);
  const style = STYLE_LABELS[source.style];
  const changed = changedFromPreset(source.style, p);
  lines.push(
    changed.length === 0
      ? `Style: ${style.name} — ${style.description}`
      : `Style: ${style.name}, adjusted by the client (${changed.join(', ')})`,
  );
  lines.push(`Backdrop: ${backdropWords(p)}`);
  lines.push(`Crop: ${cropWords(p.crop)}`);
  lines.push(`Ambience: ${ambienceWords(p)}`);
  lines.push(`Light: ${lightWords(p.relight)}`);
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
