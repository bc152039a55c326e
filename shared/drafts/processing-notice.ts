/**
 * The processing notice a person accepts before uploading. Changing the text means a new
 * version: uploads must quote the current version, which is stored with the consent.
 */
export const PROCESSING_NOTICE_VERSION = '2026-11-01';

export const PROCESSING_NOTICE_TITLE = 'How we process your photo';

export const PROCESSING_NOTICE_POINTS: readonly string[] = [
  'Upload only a photo of yourself. You confirm you are the person in it.',
  'Our own software on our servers analyses it — face position, head angles, eyes, sharpness and light — and separates you from the background. Nothing is sent to any other company and no AI service outside Lensbridge sees it.',
  'We never create a face print or any identity data, and we never estimate age, gender or emotion.',
  'The original upload is deleted as soon as your drafts are rendered, and in any case within 24 hours. A reduced working copy and the drafts stay for 30 days so you can adjust them, unless you choose to keep them; you can delete them, or all your data, at any time.',
  'Every image we produce is labelled as AI-edited: a visible "AI draft" mark on previews and a machine-readable label (IPTC digital source type) in every file.',
];
