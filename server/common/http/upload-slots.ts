import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { finalize, from, type Observable, switchMap } from 'rxjs';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

/**
 * Turns for reading upload bodies, shared by every upload route of this process. A burst of
 * uploads sent at once (100 phones, or a photographer's batch in several tabs) would otherwise be
 * read side by side, so every body finishes at about the same moment and their handlers (the
 * file closed, the account checked, the image inspected) all run in the same instant: a health
 * check or a page read arriving then waited 100–800 ms behind them. Taking turns, bodies finish
 * one after another and that work is spread over the burst; the waiting bodies stay unread in
 * the kernel, and TCP's flow control holds their senders (nothing waits in memory).
 */
export class UploadSlots {
  private busy = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Resolves when a turn is free; `cancelled` (the client went away) gives up its place. */
  acquire(cancelled: Promise<void>): Promise<boolean> {
    if (this.busy < this.limit) {
      this.busy += 1;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const turn = () => {
        this.busy += 1;
        resolve(true);
      };
      this.waiting.push(turn);
      void cancelled.then(() => {
        const at = this.waiting.indexOf(turn);
        if (at < 0) return;
        this.waiting.splice(at, 1);
        resolve(false);
      });
    });
  }

  release(): void {
    this.busy -= 1;
    this.waiting.shift()?.();
  }

  /** Bodies being read, and bodies waiting for a turn (for tests). */
  get state(): { busy: number; waiting: number } {
    return { busy: this.busy, waiting: this.waiting.length };
  }
}

const byApp = new WeakMap<AppConfig, UploadSlots>();

/** The app's turns: one count for every upload route, `UPLOAD_CONCURRENCY` at once. */
export function uploadSlots(config: AppConfig): UploadSlots {
  let slots = byApp.get(config);
  if (!slots) {
    slots = new UploadSlots(config.uploads.concurrency);
    byApp.set(config, slots);
  }
  return slots;
}

/**
 * Put before the route's file interceptor (which starts reading the body) and after the guards,
 * so only signed-in callers hold turns: an anonymous client trickling bytes cannot take them.
 * The turn is given back when the body has been read, or when the response ends, however it
 * ends.
 */
@Injectable()
export class UploadSlotsInterceptor implements NestInterceptor {
  private readonly slots: UploadSlots;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.slots = uploadSlots(config);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const closed = new Promise<void>((resolve) => response.once('close', () => resolve()));
    let held = false;
    const release = () => {
      if (!held) return;
      held = false;
      this.slots.release();
    };
    void closed.then(release);
    // The turn is for reading the body: once it is all in, the next body may start, while this
    // upload's own work (an image decoded, a worker's rendition awaited) goes on.
    request.once('end', release);
    return from(this.slots.acquire(closed)).pipe(
      switchMap((granted) => {
        held = granted;
        // The client went away while waiting: nothing to read, nobody to answer.
        if (!granted) return from(closed);
        return next.handle().pipe(finalize(release));
      }),
    );
  }
}
