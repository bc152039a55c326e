import type { AiOptionDto, StudioOptionDto } from '@shared/compare/compare.types';
import type { UseCase } from '@shared/compare/use-cases';

/**
 * The photographer's page with the package, the earliest free time and the draft preselected:
 * the booking flow reads exactly these query parameters. Without a draft there is no brief.
 */
export function bookWithLookPath(
  studio: StudioOptionDto,
  ai: Pick<AiOptionDto, 'draftId' | 'variantId'>,
  useCase: UseCase,
): string {
  const params = new URLSearchParams({ package: studio.package.id });
  if (studio.earliestSlot) params.set('slot', studio.earliestSlot);
  if (ai.draftId) {
    params.set('draftId', ai.draftId);
    if (ai.variantId) params.set('variantId', ai.variantId);
  }
  params.set('useCase', useCase);
  return `/photographers/${studio.photographer.id}?${params.toString()}`;
}
