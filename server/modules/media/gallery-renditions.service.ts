import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { type Job, type Queue, QueueEvents, type Worker } from 'bullmq';
import type { StoredUpload } from '../../common/http/uploads';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { FinalFacts } from '../provenance/provenance.service';
import { RedisService } from '../redis/redis.service';
import { BlobStorageGateway } from './blob-storage.service';
import { GalleryImageGateway, type GalleryRenditions } from './gallery-images.service';
import { ImageGateway, type ImageSource } from './image.service';
import { MediaError, type WorkerMediaError } from './media.errors';
import { processOwner } from '../../common/process-owner';

/** The BullMQ queue's name (under REDIS_PREFIX). */
export const RENDITION_QUEUE_NAME = 'gallery-renditions';
/** A worker holds a job's lock this long without renewing it (renewed every half). */
const LOCK_MS = 30_000;
/** How often workers look for jobs whose holder died: they run again elsewhere. */
const STALLED_CHECK_MS = 10_000;

/** What to make of one upload, and where its files go (`<prefix>/original.jpg`, …). */
export type RenditionRequest =
  | { kind: 'proof'; prefix: string; watermark: string }
  | { kind: 'final'; prefix: string; xmp: string; credentials: FinalFacts };

/** The stored renditions' facts, for the image's row. */
export interface StoredRenditions {
  width: number;
  height: number;
  /** Size and CRC-32 of the full-size file. */
  bytes: number;
  crc32: number;
}

interface RenditionJobData {
  request: RenditionRequest;
  /** The upload, copied to storage for whichever worker takes the job. */
  uploadKey: string;
  maxPixels: number;
}

type RenditionJobResult =
  | { ok: true; stored: StoredRenditions }
  | { ok: false; error: WorkerMediaError }
  | { ok: false; abandoned: true };

/**
 * Proofs' and finals' renditions (the re-encoded or signed full-size file, the screen preview,
 * the thumbnail), stored under the request's prefix. Without Redis this process makes them
 * itself. With Redis an API process does no decoding: the upload is checked from its header
 * (not an image, too many pixels: refused at once), copied to storage and handed to the worker
 * processes through BullMQ, each making `GALLERY_RENDITION_CONCURRENCY` at once; the request
 * waits for the result (at most `GALLERY_RENDITION_WAIT_SECONDS`, then 503
 * `IMAGE_PROCESSING_UNAVAILABLE`), so the photographer still hears per file what was accepted. A worker
 * that dies mid-job stops renewing its lock and BullMQ's stalled-job check runs the job again
 * elsewhere, into the same keys. The row is written by the caller once the files are stored.
 */
@Injectable()
export class GalleryRenditionsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(GalleryRenditionsService.name);
  private queue?: Queue<RenditionJobData, RenditionJobResult>;
  private events?: QueueEvents;
  private worker?: Worker<RenditionJobData, RenditionJobResult>;
  /** This process as BullMQ records it on the jobs it takes (`processedBy`). */
  readonly owner = processOwner();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
    private readonly images: ImageGateway,
    private readonly renditions: GalleryImageGateway,
    private readonly blobs: BlobStorageGateway,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.redis.enabled) return;
    const { concurrency } = this.config.galleryRenditions;
    if (this.config.role !== 'worker') {
      this.queue = this.redis.queue(RENDITION_QUEUE_NAME, {
        attempts: 3,
        backoff: { type: 'fixed', delay: 1000 },
        removeOnComplete: { age: 3600 },
        removeOnFail: { age: 24 * 3600 },
      });
      this.events = new QueueEvents(RENDITION_QUEUE_NAME, {
        connection: this.redis.bullmqConnection(),
        prefix: this.redis.prefix,
      });
      this.events.on('error', (error) => this.logger.warn(`Rendition events: ${error.message}`));
    }
    if (concurrency === 0) return;
    this.worker = this.redis.worker(RENDITION_QUEUE_NAME, (job) => this.process(job), {
      name: this.owner,
      concurrency,
      lockMs: LOCK_MS,
      stalledCheckMs: STALLED_CHECK_MS,
    });
  }

  async onModuleDestroy(): Promise<void> {
    // Jobs in flight finish first; the waiting requests get their answers.
    await this.worker?.close();
    await this.events?.close();
    await this.queue?.close();
  }

  /** Makes and stores one upload's renditions; a bad file throws a MediaError naming why. */
  async make(upload: StoredUpload, request: RenditionRequest): Promise<StoredRenditions> {
    const { maxPixels } = this.config.uploads;
    if (!this.queue || !this.events) return this.store(upload, request, maxPixels);
    await this.images.inspect(upload, maxPixels);
    await this.redis.ping();
    const uploadKey = `${request.prefix}/upload`;
    await this.blobs.putFile(uploadKey, upload, 'application/octet-stream');
    try {
      const job = await this.queue.add(request.kind, { request, uploadKey, maxPixels });
      const result = await this.finished(job);
      if (result.ok) return result.stored;
      if ('error' in result) throw MediaError.fromWorker(result.error);
      throw MediaError.processingUnavailable();
    } finally {
      // Also what tells a worker that takes the job after the wait gave up: nothing to make.
      await this.blobs.delete(uploadKey).catch(() => undefined);
    }
  }

  /** The job's result; `processingUnavailable` when no worker made it within the wait. */
  private async finished(
    job: Job<RenditionJobData, RenditionJobResult>,
  ): Promise<RenditionJobResult> {
    try {
      return await job.waitUntilFinished(this.events!, this.config.galleryRenditions.waitMs);
    } catch (error) {
      const state = await job.getState().catch(() => 'unknown');
      if (state === 'failed') {
        this.logger.warn(`Rendition job ${job.id} failed on every attempt: ${String(error)}`);
      } else {
        // Not started in time: take it back, so no worker makes files nobody will use.
        await job.remove().catch(() => undefined);
      }
      throw MediaError.processingUnavailable();
    }
  }

  private async process(
    job: Job<RenditionJobData, RenditionJobResult>,
  ): Promise<RenditionJobResult> {
    const { request, uploadKey, maxPixels } = job.data;
    let upload: Buffer;
    try {
      upload = await this.blobs.get(uploadKey);
    } catch (error) {
      // Gone (ENOENT on either storage): the waiting request gave up and removed it.
      if ((error as { code?: string }).code === 'ENOENT') {
        return { ok: false, abandoned: true };
      }
      throw error;
    }
    try {
      return { ok: true, stored: await this.store(upload, request, maxPixels) };
    } catch (error) {
      // A bad file is an answer, not a failure to retry.
      if (!(error instanceof MediaError)) throw error;
      const { code, kind, message, details } = error;
      return { ok: false, error: { code, kind, message, details } };
    }
  }

  private async store(
    upload: ImageSource,
    request: RenditionRequest,
    maxPixels: number,
  ): Promise<StoredRenditions> {
    const made: GalleryRenditions =
      request.kind === 'proof'
        ? await this.renditions.proof(upload, { maxPixels, watermark: request.watermark })
        : await this.renditions.final(upload, {
            maxPixels,
            xmp: request.xmp,
            credentials: request.credentials,
          });
    await this.blobs.put(`${request.prefix}/original.jpg`, made.data, 'image/jpeg');
    await this.blobs.put(`${request.prefix}/preview.jpg`, made.preview, 'image/jpeg');
    await this.blobs.put(`${request.prefix}/thumb.jpg`, made.thumb, 'image/jpeg');
    return { width: made.width, height: made.height, bytes: made.data.length, crc32: made.crc32 };
  }
}
