import { Inject, Injectable } from '@nestjs/common';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import type { AppConfig, S3StorageConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { assertValidKey, BlobNotFoundError, BlobStorageGateway } from './blob-storage.service';

/** DeleteObjects takes at most this many keys per call. */
const DELETE_BATCH = 1000;

/**
 * Blobs in an S3-compatible bucket (`BLOB_STORAGE=s3`): AWS S3, MinIO, s3rver… Keys are the
 * same as on local disk. A PUT is atomic in S3, so a reader never sees half an object; reads
 * stream straight from the bucket.
 */
@Injectable()
export class S3BlobStorage extends BlobStorageGateway {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super();
    const s3 = config.storage.s3;
    if (!s3) throw new Error('S3BlobStorage needs BLOB_STORAGE=s3 and its settings');
    this.bucket = s3.bucket;
    this.client = s3Client(s3);
  }

  async ping(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: data,
        ContentType: contentType,
        ContentLength: data.length,
      }),
    );
  }

  async putFile(
    key: string,
    file: { path: string; size: number },
    contentType: string,
  ): Promise<void> {
    assertValidKey(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: createReadStream(file.path),
        ContentType: contentType,
        ContentLength: file.size,
      }),
    );
  }

  async get(key: string): Promise<Buffer> {
    const body = await this.body(key);
    return Buffer.from(await body.transformToByteArray());
  }

  stream(key: string): Readable {
    // The gateway's contract is a stream at once; the object's body arrives a moment later.
    const out = new PassThrough();
    this.body(key).then(
      (body) => {
        const source = body as unknown as Readable;
        source.on('error', (error) => out.destroy(error));
        source.pipe(out);
      },
      (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))),
    );
    return out;
  }

  async exists(key: string): Promise<boolean> {
    assertValidKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async deletePrefix(prefix: string): Promise<void> {
    if (!prefix.endsWith('/')) throw new Error('A prefix to delete must end with "/"');
    assertValidKey(prefix);
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: prefix,
          ContinuationToken: token,
          MaxKeys: DELETE_BATCH,
        }),
      );
      const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
      if (keys.length > 0) {
        await this.client.send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: keys, Quiet: true },
          }),
        );
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** Every key under `prefix` (for tests and checks; pages through the listing). */
  async list(prefix = ''): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async open(key: string): Promise<Readable> {
    return (await this.body(key)) as unknown as Readable;
  }

  private async body(key: string) {
    assertValidKey(key);
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key }),
      );
      if (!object.Body) throw new BlobNotFoundError(key);
      return object.Body;
    } catch (error) {
      if (isNotFound(error)) throw new BlobNotFoundError(key);
      throw error;
    }
  }
}

/**
 * A client for the configured bucket. Checksums only where S3 requires them: S3-compatible
 * servers reject the SDK's default trailing checksums.
 */
export function s3Client(s3: S3StorageConfig): S3Client {
  return new S3Client({
    region: s3.region,
    endpoint: s3.endpoint,
    forcePathStyle: s3.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials:
      s3.accessKeyId && s3.secretAccessKey
        ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }
        : undefined,
  });
}

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return (
      error.name === 'NoSuchKey' ||
      error.name === 'NotFound' ||
      error.$metadata?.httpStatusCode === 404
    );
  }
  return false;
}
