import { Injectable, Logger } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { UsersService } from '../users/users.service';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { DemoDeliveriesSeeder } from './demo-deliveries.seeder';
import { DemoPhotographersSeeder } from './demo-photographers.seeder';

export interface SeedResult {
  created: string[];
  skipped: string[];
}

/**
 * Demo data for a newcomer's first `npm start`. Idempotent: accounts that exist are left alone.
 * Later features add their demo rows here.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly photographers: DemoPhotographersSeeder,
    private readonly deliveries: DemoDeliveriesSeeder,
  ) {}

  async isEmpty(): Promise<boolean> {
    return (await this.users.count()) === 0;
  }

  async seedDemoData(): Promise<SeedResult> {
    const result: SeedResult = { created: [], skipped: [] };
    for (const account of DEMO_ACCOUNTS) {
      if (await this.users.findByEmail(account.email)) {
        result.skipped.push(account.email);
        continue;
      }
      await this.auth.createAccount({ ...account, emailVerified: true });
      result.created.push(account.email);
    }
    const studios = await this.photographers.seed();
    result.created.push(...studios.created);
    result.created.push(...(await this.deliveries.seed()).created);
    this.logger.log(`Demo data: created ${result.created.length}, kept ${result.skipped.length}`);
    return result;
  }
}
