import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { NextFunction, Request, Response } from 'express';
import { diskStorage, type StorageEngine } from 'multer';

/** A file multer streamed to disk (what upload routes receive instead of a buffer). */
export interface StoredUpload {
  path: string;
  size: number;
  originalname?: string;
}

/**
 * Multer's storage for every upload route: the request body streams into a file of its own in
 * `dir` as it arrives, so a large upload (or twenty in one batch) never sits in memory whole.
 * `removeUploadsAfterResponse` deletes the files when the response ends, whatever happened.
 */
export function uploadStorage(dir: string): StorageEngine {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return diskStorage({
    destination: dir,
    filename: (_req, _file, done) => done(null, `${randomUUID()}.upload`),
  });
}

/** Express middleware: an upload's temporary files go when its response has been sent. */
export function removeUploadsAfterResponse(req: Request, res: Response, next: NextFunction): void {
  res.on('close', () => {
    const files = [
      ...(req.file ? [req.file] : []),
      ...(Array.isArray(req.files) ? req.files : Object.values(req.files ?? {}).flat()),
    ];
    for (const file of files) if (file.path) void rm(file.path, { force: true });
  });
  next();
}
