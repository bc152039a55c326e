import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { catchError, type Observable, throwError } from 'rxjs';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { MediaError } from '../media/media.errors';
import { GalleryError } from './gallery.errors';

/** Most files one upload request may carry (the client sends one or two at a time). */
export const MAX_FILES_PER_UPLOAD = 20;

/** Multer's limits become our codes: 413 IMAGE_TOO_LARGE naming the limit, 400 TOO_MANY_FILES. */
@Injectable()
export class GalleryUploadErrorsInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(_: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) =>
        throwError(() => {
          if (error instanceof PayloadTooLargeException) {
            return MediaError.tooLarge(this.config.uploads.maxBytes);
          }
          if (
            error instanceof BadRequestException &&
            /too many files|unexpected field/i.test(error.message)
          ) {
            return GalleryError.tooManyFiles(MAX_FILES_PER_UPLOAD);
          }
          return error;
        }),
      ),
    );
  }
}
