import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/bookings.module';
import { PhotographersModule } from '../photographers/photographers.module';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';

/** The public photographer directory (search needs both profiles and free slots). */
@Module({
  imports: [PhotographersModule, BookingsModule],
  controllers: [DirectoryController],
  providers: [DirectoryService],
})
export class DirectoryModule {}
