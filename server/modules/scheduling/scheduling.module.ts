import { Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ScheduleLeases } from './schedule-leases.service';
import { ScheduledJob } from './scheduled-job.entity';
import { ScheduledWork } from './scheduled-work.service';

/**
 * Recurring work that runs once per tick across processes (BullMQ schedulers or leases), and
 * Nest's `SchedulerRegistry` (global), where every timer of this process is registered by name.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ScheduledJob]), ScheduleModule.forRoot()],
  providers: [ScheduledWork, ScheduleLeases],
  exports: [ScheduledWork, ScheduleLeases],
})
export class SchedulingModule {}
