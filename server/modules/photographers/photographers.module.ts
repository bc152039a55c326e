import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { uploadStorage } from '../../common/http/uploads';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UsersModule } from '../users/users.module';
import { MediaModule } from '../media/media.module';
import { AdminPhotographersController } from './admin-photographers.controller';
import { AvailabilityOverride } from './availability-override.entity';
import { AvailabilityRule } from './availability-rule.entity';
import { Package } from './package.entity';
import { PhotographerCatalog } from './photographer-catalog.service';
import { PhotographerProfile } from './photographer-profile.entity';
import { PhotographersController } from './photographers.controller';
import { PhotographersRepository } from './photographers.repository';
import { PortfolioImage } from './portfolio-image.entity';
import { PortfolioService } from './portfolio.service';
import { ProfilesService } from './profiles.service';
import { StudioService } from './studio.service';
import { TimeOff } from './time-off.entity';

/** Photographer profiles, portfolios, packages, availability and admin approval. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      PhotographerProfile,
      PortfolioImage,
      Package,
      AvailabilityRule,
      AvailabilityOverride,
      TimeOff,
    ]),
    MediaModule,
    UsersModule,
    // Portfolio uploads stream to a temporary file (limits are set on the route).
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ storage: uploadStorage(config.uploads.tmpDir) }),
    }),
  ],
  controllers: [PhotographersController, AdminPhotographersController],
  providers: [
    PhotographersRepository,
    ProfilesService,
    StudioService,
    PortfolioService,
    PhotographerCatalog,
  ],
  exports: [PhotographerCatalog, ProfilesService, StudioService, PortfolioService],
})
export class PhotographersModule {}
