import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/bookings.module';
import { DraftsModule } from '../drafts/drafts.module';
import { PaymentsModule } from '../payments/payments.module';
import { PhotographersModule } from '../photographers/photographers.module';
import { CompareController } from './compare.controller';
import { CompareService } from './compare.service';

/** AI draft vs studio sessions (docs/design.md §8): the comparison and its recommendation. */
@Module({
  imports: [DraftsModule, PhotographersModule, BookingsModule, PaymentsModule],
  controllers: [CompareController],
  providers: [CompareService],
})
export class CompareModule {}
