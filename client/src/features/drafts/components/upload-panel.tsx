import { useEffect, useId, useState } from 'react';
import { type FileRejection, useDropzone } from 'react-dropzone';
import type { DraftCreatedDto, GazePreference } from '@shared/drafts/drafts.types';
import {
  PROCESSING_NOTICE_POINTS,
  PROCESSING_NOTICE_TITLE,
  PROCESSING_NOTICE_VERSION,
} from '@shared/drafts/processing-notice';
import { ACCEPTED_IMAGE_MIME_TYPES } from '@shared/media/media.types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { describeError } from '@/lib/error-messages';
import { useUploadDraft } from '../api/upload-draft';
import { describeDraftError } from './draft-errors';

const MAX_BYTES = 20 * 1024 * 1024;

/** Choose or take one photo, read the notice, consent, upload. */
export function UploadPanel({ onUploaded }: { onUploaded: (created: DraftCreatedDto) => void }) {
  const [picked, setPicked] = useState<{ file: File; url: string } | null>(null);
  const photo = picked?.file ?? null;
  const preview = picked?.url ?? null;
  const [consent, setConsent] = useState(false);
  const [gaze, setGaze] = useState<GazePreference>('direct');
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useUploadDraft({ onUploaded });
  const ids = useId();
  // Frees the preview's object URL when it is replaced or the page closes.
  useEffect(() => (picked ? () => URL.revokeObjectURL(picked.url) : undefined), [picked]);

  const choose = (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    upload.reset();
    setPicked({ file, url: URL.createObjectURL(file) });
  };
  const dropzone = useDropzone({
    accept: Object.fromEntries(ACCEPTED_IMAGE_MIME_TYPES.map((type) => [type, []])),
    maxFiles: 1,
    maxSize: MAX_BYTES,
    multiple: false,
    onDropAccepted: (files) => choose(files[0]),
    onDropRejected: (rejections: FileRejection[]) => setProblem(rejectionMessage(rejections)),
  });

  const submit = () => {
    if (photo && consent) upload.mutate({ photo, gazePreference: gaze });
  };

  return (
    <Card padding="lg" className="upload-panel">
      <div className="upload-panel__grid">
        <div className="upload-panel__pick">
          <div
            {...dropzone.getRootProps({
              className: ['dropzone', dropzone.isDragActive && 'dropzone--active']
                .filter(Boolean)
                .join(' '),
            })}
          >
            <input {...dropzone.getInputProps({ 'aria-label': 'Choose a photo' })} />
            {preview ? (
              <img className="dropzone__preview" src={preview} alt="The photo you chose" />
            ) : (
              <div className="dropzone__empty">
                <svg viewBox="0 0 24 24" aria-hidden="true" className="dropzone__icon">
                  <path
                    fill="currentColor"
                    d="M12 3a1 1 0 0 1 1 1v8.59l2.3-2.3a1 1 0 1 1 1.4 1.42l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.42l2.3 2.3V4a1 1 0 0 1 1-1ZM5 17a1 1 0 0 1 1 1v1h12v-1a1 1 0 1 1 2 0v2a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-2a1 1 0 0 1 1-1Z"
                  />
                </svg>
                <p className="dropzone__title">Drop a photo of yourself here</p>
                <p className="dropzone__hint">
                  or click to choose one · JPEG, PNG or WebP, up to 20 MB
                </p>
              </div>
            )}
          </div>
          <label className="btn btn--secondary btn--md camera-button">
            <input
              type="file"
              accept="image/*"
              capture="user"
              className="visually-hidden"
              onChange={(event) => choose(event.target.files?.[0])}
            />
            Take a selfie with your camera
          </label>
          <p className="upload-panel__tip">
            Best results: face the light, look into the lens, shoulders in the frame, nobody else in
            the photo.
          </p>
        </div>

        <div className="upload-panel__consent">
          <section aria-labelledby={`${ids}-notice`} className="notice">
            <h2 id={`${ids}-notice`} className="notice__title">
              {PROCESSING_NOTICE_TITLE}
            </h2>
            <ul className="notice__points">
              {PROCESSING_NOTICE_POINTS.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ul>
            <p className="notice__version">Notice version {PROCESSING_NOTICE_VERSION}</p>
          </section>

          <fieldset className="gaze-choice">
            <legend>Eye contact you want</legend>
            <label>
              <input
                type="radio"
                name="gaze"
                checked={gaze === 'direct'}
                onChange={() => setGaze('direct')}
              />{' '}
              Direct, into the lens (usual for LinkedIn)
            </label>
            <label>
              <input
                type="radio"
                name="gaze"
                checked={gaze === 'averted'}
                onChange={() => setGaze('averted')}
              />{' '}
              Slightly averted (common in some regions and industries)
            </label>
          </fieldset>

          <label className="consent-check">
            <input
              type="checkbox"
              checked={consent}
              onChange={(event) => setConsent(event.target.checked)}
            />
            <span>This photo shows me, and I accept how it is processed as described above.</span>
          </label>

          {problem ? <Alert tone="warn">{problem}</Alert> : null}
          {upload.isError ? (
            <Alert tone="danger" title="Upload refused">
              {describeDraftError(upload.error) ?? describeError(upload.error)}
            </Alert>
          ) : null}

          <Button
            size="lg"
            fullWidth
            disabled={!photo || !consent}
            loading={upload.isPending}
            onClick={submit}
          >
            Make my AI drafts
          </Button>
          {!photo ? <p className="upload-panel__hint">Choose a photo first.</p> : null}
          {photo && !consent ? (
            <p className="upload-panel__hint">Tick the box to confirm the photo is of you.</p>
          ) : null}
        </div>
      </div>
    </Card>
  );
}

function rejectionMessage(rejections: FileRejection[]): string {
  const error = rejections[0]?.errors[0];
  if (rejections.length > 1 || error?.code === 'too-many-files') return 'Choose one photo.';
  if (error?.code === 'file-too-large') return 'That photo is larger than 20 MB.';
  if (error?.code === 'file-invalid-type') return 'Choose a JPEG, PNG or WebP photo.';
  return error?.message ?? 'That file cannot be used.';
}
