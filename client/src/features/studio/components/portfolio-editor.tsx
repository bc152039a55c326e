import { useState } from 'react';
import { useDropzone } from 'react-dropzone';
import { toast } from 'sonner';
import { useQueryClient } from '@tanstack/react-query';
import type { PortfolioImageDto } from '@shared/photographers/photographers.types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { describeError } from '@/lib/error-messages';
import { myProfileQueryKey } from '../api/my-profile';
import { uploadPortfolioImage, useDeletePortfolioImage } from '../api/my-portfolio';
import './studio.css';

const MAX_BYTES = 20 * 1024 * 1024;

interface Upload {
  key: string;
  name: string;
  progress: number;
  error: string | null;
}

/** Drop or pick pictures; each uploads with its own progress bar; delete what you no longer show. */
export function PortfolioEditor({ images }: { images: PortfolioImageDto[] }) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const queryClient = useQueryClient();
  const remove = useDeletePortfolioImage();
  /** The picture waiting for "Delete it?" (its position, for the words). */
  const [deleting, setDeleting] = useState<{ image: PortfolioImageDto; index: number } | null>(
    null,
  );
  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.image.id, {
      onSuccess: () => {
        setDeleting(null);
        toast.success(`Portfolio picture ${deleting.index + 1} deleted`);
      },
      onError: () => setDeleting(null),
    });
  };

  const patch = (key: string, change: Partial<Upload>) =>
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const start = (file: File) => {
    const key = `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`;
    setUploads((all) => [...all, { key, name: file.name, progress: 0, error: null }]);
    uploadPortfolioImage(file, { onProgress: (progress) => patch(key, { progress }) })
      .then(async () => {
        await queryClient.invalidateQueries({ queryKey: myProfileQueryKey });
        setUploads((all) => all.filter((u) => u.key !== key));
      })
      .catch((error: unknown) => patch(key, { error: describeError(error) }));
  };

  const dropzone = useDropzone({
    accept: { 'image/jpeg': [], 'image/png': [], 'image/webp': [], 'image/heic': [] },
    maxSize: MAX_BYTES,
    onDropAccepted: (files) => files.forEach(start),
    onDropRejected: (rejections) =>
      setUploads((all) => [
        ...all,
        ...rejections.map((r) => ({
          key: `${r.file.name}-rejected-${Math.random().toString(36).slice(2)}`,
          name: r.file.name,
          progress: 0,
          error:
            r.errors[0]?.code === 'file-too-large'
              ? 'Larger than 20 MB. Export a smaller JPEG.'
              : 'Not a JPEG, PNG, WebP or HEIC picture.',
        })),
      ]),
  });

  return (
    <div className="stack">
      <div
        {...dropzone.getRootProps({ className: 'dropzone' })}
        data-active={dropzone.isDragActive || undefined}
      >
        <input {...dropzone.getInputProps({ 'aria-label': 'Add portfolio pictures' })} />
        <p className="dropzone__title">
          {dropzone.isDragActive ? 'Drop to upload' : 'Drag pictures here, or click to choose'}
        </p>
        <p className="text-muted text-sm">
          JPEG, PNG, WebP or HEIC up to 20 MB. We remove the metadata (location, camera) and make
          the thumbnails.
        </p>
      </div>
      {uploads.length ? (
        <ul className="uploads" aria-label="Uploads">
          {uploads.map((u) => (
            <li key={u.key} className="upload">
              <span className="upload__name">{u.name}</span>
              {u.error ? (
                <span className="field__error">
                  {u.error}{' '}
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => setUploads((all) => all.filter((x) => x.key !== u.key))}
                  >
                    Dismiss
                  </Button>
                </span>
              ) : (
                <progress
                  className="upload__bar"
                  max={1}
                  value={u.progress}
                  aria-label={`Uploading ${u.name}`}
                />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {remove.isError ? (
        <Alert tone="danger" title="Could not delete the picture">
          {describeError(remove.error)}
        </Alert>
      ) : null}
      {images.length ? (
        <ul className="studio-portfolio" aria-label="Your portfolio">
          {images.map((image, index) => (
            <li key={image.id} className="studio-portfolio__item">
              <img src={image.thumbUrl} alt={image.caption || `Portfolio picture ${index + 1}`} />
              <Button
                size="sm"
                variant="secondary"
                onClick={() => setDeleting({ image, index })}
                aria-label={`Delete portfolio picture ${index + 1}`}
              >
                Delete
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">No pictures yet. Three to eight strong portraits work best.</p>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete portfolio picture ${(deleting?.index ?? 0) + 1}?`}
        confirmLabel="Delete the picture"
        cancelLabel="Keep it"
        pending={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={confirmDelete}
      >
        {deleting ? (
          <img
            className="studio-portfolio__confirm"
            src={deleting.image.thumbUrl}
            alt={deleting.image.caption || `Portfolio picture ${deleting.index + 1}`}
          />
        ) : null}
        <p>It leaves your public profile and its files are deleted. This can&apos;t be undone.</p>
      </ConfirmDialog>
    </div>
  );
}
