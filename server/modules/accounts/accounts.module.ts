import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { BookingsModule } from '../bookings/bookings.module';
import { DraftsModule } from '../drafts/drafts.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PhotographersModule } from '../photographers/photographers.module';
import { UsersModule } from '../users/users.module';
import { AccountDeletionService } from './account-deletion.service';
import { AccountLinksService } from './account-links.service';
import { AccountToken } from './account-token.entity';
import { AccountTokensRepository } from './account-tokens.repository';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { BackgroundTasks } from './background-tasks';
import { MeController } from './me.controller';

/**
 * An account's lifecycle around the session core in `auth`: sign-up with a verified address,
 * password reset, the account page (name, email, password, sessions) and deletion.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([AccountToken]),
    AuthModule,
    UsersModule,
    NotificationsModule,
    BookingsModule,
    DraftsModule,
    PhotographersModule,
  ],
  controllers: [AccountsController, MeController],
  providers: [
    AccountsService,
    AccountDeletionService,
    AccountLinksService,
    AccountTokensRepository,
    BackgroundTasks,
  ],
})
export class AccountsModule {}
