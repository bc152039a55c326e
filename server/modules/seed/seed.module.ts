import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BookingsModule } from '../bookings/bookings.module';
import { PhotographersModule } from '../photographers/photographers.module';
import { UsersModule } from '../users/users.module';
import { DemoDeliveriesSeeder } from './demo-deliveries.seeder';
import { DemoPhotographersSeeder } from './demo-photographers.seeder';
import { SeedService } from './seed.service';

@Module({
  imports: [AuthModule, UsersModule, PhotographersModule, BookingsModule],
  providers: [SeedService, DemoPhotographersSeeder, DemoDeliveriesSeeder],
  exports: [SeedService],
})
export class SeedModule {}
