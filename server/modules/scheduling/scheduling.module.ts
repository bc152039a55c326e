import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ScheduleLeases } from './schedule-leases.repository';
import { ScheduledJob } from './scheduled-job.entity';
import { ScheduledWork } from './scheduled-work.service';

/** Recurring work that runs once per tick across processes (BullMQ schedulers or leases). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ScheduledJob])],
  providers: [ScheduledWork, ScheduleLeases],
  exports: [ScheduledWork, ScheduleLeases],
})
export class SchedulingModule {}
