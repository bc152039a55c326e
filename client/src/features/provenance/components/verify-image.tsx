import { useState } from 'react';
import { type FileRejection, useDropzone } from 'react-dropzone';
import { type VerifiableFormat, VERIFY_MAX_BYTES } from '@shared/provenance/provenance.types';
import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { useVerifyImage } from '../api/verify-image';
import { CredentialsResult } from './credentials-result';
import { describeVerifyError } from './credentials-wording';
import './provenance.css';

// Extensions too: some systems give HEIC/AVIF files no MIME type.
const EXTENSIONS: Record<VerifiableFormat, string[]> = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'image/tiff': ['.tif', '.tiff'],
  'image/heic': ['.heic', '.heif'],
  'image/avif': ['.avif'],
  'image/gif': ['.gif'],
};

/** Pick or drop one image, send it, and show what its Content Credentials say. */
export function VerifyImage() {
  const [fileName, setFileName] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const verify = useVerifyImage({ onProgress: setProgress });

  const check = (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    setProgress(0);
    setFileName(file.name);
    verify.mutate(file);
  };
  const dropzone = useDropzone({
    accept: EXTENSIONS,
    maxFiles: 1,
    maxSize: VERIFY_MAX_BYTES,
    multiple: false,
    disabled: verify.isPending,
    onDropAccepted: (files) => check(files[0]),
    onDropRejected: (rejections: FileRejection[]) => {
      verify.reset();
      setProblem(rejectionMessage(rejections));
    },
  });

  return (
    <div className="verify">
      <div
        {...dropzone.getRootProps({
          className: ['verify__drop', dropzone.isDragActive && 'verify__drop--active']
            .filter(Boolean)
            .join(' '),
        })}
      >
        <input {...dropzone.getInputProps({ 'aria-label': 'Choose an image to check' })} />
        <p className="verify__drop-title">
          {dropzone.isDragActive ? 'Drop the image to check it' : 'Drop an image here'}
        </p>
        <span className="btn btn--secondary btn--sm verify__choose" aria-hidden="true">
          Choose an image
        </span>
        <p className="verify__hint">
          JPEG, PNG, WebP, TIFF, HEIC, AVIF or GIF, up to 40 MB. The image is read to check it and
          not kept.
        </p>
      </div>

      <div aria-live="polite" className="verify__status">
        {verify.isPending ? (
          <div className="verify__progress">
            {progress < 1 ? (
              <>
                <span>Sending {fileName}…</span>
                <progress max={1} value={progress} aria-label={`Sending ${fileName}`} />
              </>
            ) : (
              <span className="verify__reading">
                <Spinner size="sm" /> Reading the credentials…
              </span>
            )}
          </div>
        ) : null}
      </div>

      {problem ? <Alert tone="warn">{problem}</Alert> : null}
      {verify.isError ? (
        <Alert tone="danger" title="This image could not be checked">
          {describeVerifyError(verify.error)} You can choose another file.
        </Alert>
      ) : null}
      {verify.data && fileName ? (
        <CredentialsResult report={verify.data} fileName={fileName} />
      ) : null}
      {verify.isIdle && !problem ? <AboutCredentials /> : null}
    </div>
  );
}

function rejectionMessage(rejections: FileRejection[]): string {
  const error = rejections[0]?.errors[0];
  if (rejections.length > 1 || error?.code === 'too-many-files')
    return 'Choose one image at a time.';
  if (error?.code === 'file-too-large')
    return 'That file is larger than 40 MB. Choose a smaller image.';
  if (error?.code === 'file-invalid-type')
    return 'That is not an image whose credentials can be read. Choose a JPEG, PNG, WebP, TIFF, HEIC, AVIF or GIF image.';
  return error?.message ?? 'That file cannot be checked.';
}

/** Before the first image: what Content Credentials are, and where this site uses them. */
function AboutCredentials() {
  return (
    <section className="verify__about" aria-labelledby="verify-about">
      <h2 id="verify-about" className="verify__about-title">
        What are Content Credentials?
      </h2>
      <p>
        They are a signed record kept inside an image file: who made it, with which tools, and
        whether AI was involved. Anyone can check them, and if the image was changed after it was
        signed, the check fails.
      </p>
      <p className="verify__hint">
        Lensbridge signs every AI draft and every photo it delivers, so you can check those here
        too.
      </p>
    </section>
  );
}
