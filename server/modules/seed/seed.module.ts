import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { PhotographersModule } from '../photographers/photographers.module';
import { UsersModule } from '../users/users.module';
import { DemoDeliveriesSeeder } from './demo-deliveries.seeder';
import { DemoPhotographersSeeder } from './demo-photographers.seeder';
import { SeedService } from './seed.service';

@Module({
  imports: [AuthModule, UsersModule, PhotographersModule, AuditModule],
  providers: [SeedService, DemoPhotographersSeeder, DemoDeliveriesSeeder],
  exports: [SeedService],
})
export class SeedModule {}
