import type { StylePreset, VariantStatus } from '../../../../shared/drafts/drafts.types';

/** The fields the choice needs, so the rule runs on entities and DTOs alike. */
export interface VariantLike {
  id: string;
  style: StylePreset;
  status: VariantStatus | string;
  createdAt: Date | string;
}

const STYLE_ORDER: readonly StylePreset[] = ['professional', 'creative', 'relaxed'];

const time = (v: VariantLike) =>
  typeof v.createdAt === 'string' ? Date.parse(v.createdAt) : v.createdAt.getTime();

/**
 * The look a draft stands for when nothing was chosen: the first ready variant, the professional
 * look first, then creative and relaxed, the oldest of a style first (the one made at upload).
 */
export function defaultVariant<T extends VariantLike>(variants: readonly T[]): T | null {
  const ready = variants.filter((v) => v.status === 'ready');
  return (
    [...ready].sort(
      (a, b) =>
        STYLE_ORDER.indexOf(a.style) - STYLE_ORDER.indexOf(b.style) ||
        time(a) - time(b) ||
        a.id.localeCompare(b.id),
    )[0] ?? null
  );
}

/**
 * The variant the comparison, the booking hand-off and the brief use: the one the client last
 * adjusted or picked when it is ready; while its re-render is on its way, the newest ready
 * variant of the same style (what the client sees on that style's card); when it is gone or
 * failed, the default.
 */
export function chosenVariant<T extends VariantLike>(
  chosenId: string | null,
  variants: readonly T[],
): T | null {
  const chosen = chosenId ? variants.find((v) => v.id === chosenId) : undefined;
  if (chosen?.status === 'ready') return chosen;
  if (chosen && (chosen.status === 'queued' || chosen.status === 'rendering')) {
    const sameStyle = variants
      .filter((v) => v.style === chosen.style && v.status === 'ready')
      .sort((a, b) => time(b) - time(a));
    if (sameStyle[0]) return sameStyle[0];
  }
  return defaultVariant(variants);
}
