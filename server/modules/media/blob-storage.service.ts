import { Inject, Injectable } from '@nestjs/common';
import { accessSync, createReadStream, mkdirSync } from 'node:fs';
import {
  constants,
  copyFile,
  mkdir,
  open,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

/** Object storage for photos. Keys look like `drafts/<id>/source.jpg`. */
export abstract class BlobStorageGateway {
  abstract put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** Stores a file of this machine (an upload on disk), streamed: never read whole into memory. */
  abstract putFile(
    key: string,
    file: { path: string; size: number },
    contentType: string,
  ): Promise<void>;
  abstract get(key: string): Promise<Buffer>;
  /** A stream that opens the blob lazily: a missing blob or an outage surface as its error. */
  abstract stream(key: string): Readable;
  /**
   * The blob's bytes once the storage has answered that it is there, so a missing blob or an
   * outage rejects before any byte of a response is sent (what HTTP downloads use).
   */
  abstract open(key: string): Promise<Readable>;
  abstract exists(key: string): Promise<boolean>;
  abstract delete(key: string): Promise<void>;
  /** Removes every blob whose key starts with `prefix` (which must end with '/'). */
  abstract deletePrefix(prefix: string): Promise<void>;
  /** Which storage this is, for the health report. */
  abstract readonly kind: 'local' | 's3';
  /** Resolves when the storage answers (for the health check); rejects when it does not. */
  abstract ping(): Promise<void>;
}

/** No blob under this key; `code` as Node's file errors say it, whatever the storage. */
export class BlobNotFoundError extends Error {
  readonly code = 'ENOENT';

  constructor(key: string) {
    super(`No blob at ${key}`);
  }
}

/** Attempts at removing a prefix that is being written to (see deletePrefix). */
const DELETE_PASSES = 5;

const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*\/?$/i;

export function assertValidKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`Invalid blob key: ${key}`);
  }
}

/**
 * The embedded default: a folder on local disk (`$BLOB_DIR`, default `$DATA_DIR/blobs`).
 * Writes go to a temporary file and are renamed into place, so a reader never sees half a file.
 */
@Injectable()
export class LocalDiskBlobStorage extends BlobStorageGateway {
  readonly kind = 'local' as const;
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super();
    this.root = config.storage.blobDir;
  }

  /**
   * A metadata syscall of microseconds, made synchronously on purpose: on libuv's thread pool
   * it would wait behind image decoding during an upload burst, and health must answer then.
   */
  async ping(): Promise<void> {
    mkdirSync(this.root, { recursive: true });
    accessSync(this.root, constants.R_OK | constants.W_OK);
  }

  async put(key: string, data: Buffer, _contentType?: string): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, data);
    await rename(temporary, file);
  }

  async putFile(key: string, source: { path: string }, _contentType?: string): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await copyFile(source.path, temporary);
    await rename(temporary, file);
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  stream(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async open(key: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(key);
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /**
   * Something may be writing under the prefix meanwhile (a render finishing as its draft is
   * deleted): a folder that gains a file while it is being removed fails with ENOTEMPTY. Each
   * pass removes what is there; after a few, what is left was written during the deletion and
   * stays, as on S3, where a write after the listing survives too. (The render job removes what
   * it wrote once it sees its draft gone.)
   */
  async deletePrefix(prefix: string): Promise<void> {
    if (!prefix.endsWith('/')) throw new Error('A prefix to delete must end with "/"');
    const target = this.pathOf(prefix);
    for (let pass = 1; ; pass++) {
      try {
        await rm(target, { recursive: true, force: true });
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY') throw error;
        if (pass === DELETE_PASSES) return;
        await new Promise((resolve) => setTimeout(resolve, 20 * pass));
      }
    }
  }

  private pathOf(key: string): string {
    assertValidKey(key);
    return path.join(this.root, ...key.split('/').filter(Boolean));
  }
}
