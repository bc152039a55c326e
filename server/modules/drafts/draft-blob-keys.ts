/** Where a draft's files live in blob storage; everything of one draft shares one prefix. */
export const draftPrefix = (draftId: string) => `drafts/${draftId}/`;
export const sourceKey = (draftId: string) => `drafts/${draftId}/source.jpg`;
export const workingKey = (draftId: string) => `drafts/${draftId}/working.jpg`;
/** The subject's alpha matte (working size; the model's size for drafts made before it). */
export const maskKey = (draftId: string) => `drafts/${draftId}/mask.png`;
/** Person and background colours along the matte's edge; drafts made before it have none. */
export const edgeColoursKey = (draftId: string) => `drafts/${draftId}/edge-colours.png`;
export const variantKey = (draftId: string, variantId: string, size: 'preview' | 'hd' | 'before') =>
  `drafts/${draftId}/variants/${variantId}-${size}.jpg`;
