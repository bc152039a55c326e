import { useCallback, useState } from 'react';
import { useDropzone } from 'react-dropzone';
import { describeError } from '@/lib/error-messages';
import { fileSize } from './format';

export interface QueuedFile {
  key: string;
  name: string;
  size: number;
  /** 0–1 while sending. */
  progress: number;
  state: 'waiting' | 'uploading' | 'processing' | 'done' | 'failed';
  error?: string;
}

/** Two at a time: enough to keep both server cores busy, few enough to show steady progress. */
const PARALLEL = 2;

interface UploadQueueProps {
  label: string;
  hint: string;
  /** Sends one file; resolves with an error message when the server rejected it. */
  send: (file: File, onProgress: (fraction: number) => void) => Promise<string | null>;
  onSettled: () => void;
  multiple?: boolean;
}

/** A drop zone with one row per file: progress while sending, then accepted or the reason why not. */
export function UploadQueue({ label, hint, send, onSettled, multiple = true }: UploadQueueProps) {
  const [files, setFiles] = useState<QueuedFile[]>([]);
  const update = (key: string, patch: Partial<QueuedFile>) =>
    setFiles((all) => all.map((f) => (f.key === key ? { ...f, ...patch } : f)));

  const onDrop = useCallback(
    (accepted: File[]) => {
      const queued = accepted.map((file, i) => ({
        file,
        entry: {
          key: `${Date.now()}-${i}-${file.name}`,
          name: file.name,
          size: file.size,
          progress: 0,
          state: 'waiting' as const,
        },
      }));
      setFiles((all) => [...all, ...queued.map((q) => q.entry)]);
      let next = 0;
      const worker = async () => {
        while (next < queued.length) {
          const { file, entry } = queued[next++]!;
          update(entry.key, { state: 'uploading' });
          try {
            const error = await send(file, (progress) =>
              update(entry.key, { progress, state: progress >= 1 ? 'processing' : 'uploading' }),
            );
            update(entry.key, error ? { state: 'failed', error } : { state: 'done', progress: 1 });
          } catch (error) {
            update(entry.key, { state: 'failed', error: describeError(error) });
          }
        }
      };
      void Promise.all(Array.from({ length: PARALLEL }, worker)).then(onSettled);
    },
    [send, onSettled],
  );

  const { getRootProps, getInputProps, isDragActive } = useDropzone({ onDrop, multiple });
  const done = files.filter((f) => f.state === 'done').length;
  const failed = files.filter((f) => f.state === 'failed').length;

  return (
    <div className="upload-queue">
      <div {...getRootProps({ className: `dropzone${isDragActive ? ' dropzone--active' : ''}` })}>
        <input {...getInputProps({ 'aria-label': label })} />
        <p className="dropzone__title">{isDragActive ? 'Drop to upload' : label}</p>
        <p className="gallery-muted">{hint}</p>
      </div>
      {files.length > 0 ? (
        <>
          <p className="gallery-muted" aria-live="polite">
            {done} of {files.length} uploaded{failed ? `, ${failed} not accepted` : ''}
          </p>
          <ul className="upload-list" aria-label="Uploads">
            {files.map((f) => (
              <li key={f.key} className={`upload-row upload-row--${f.state}`}>
                <span className="upload-row__name">{f.name}</span>
                <span className="gallery-muted">{fileSize(f.size)}</span>
                <progress
                  max={1}
                  value={f.state === 'done' ? 1 : f.progress}
                  aria-label={`Upload of ${f.name}`}
                />
                <span className="upload-row__state">
                  {f.state === 'failed'
                    ? f.error
                    : f.state === 'processing'
                      ? 'Processing…'
                      : f.state === 'done'
                        ? 'Uploaded'
                        : f.state === 'waiting'
                          ? 'Waiting'
                          : `${Math.round(f.progress * 100)} %`}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
