import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { emailSchema, newPasswordSchema } from '../shared/auth/auth.schema';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { createLogger } from './config/logger';
import { AuthService } from './modules/auth/auth.service';
import { SeedService } from './modules/seed/seed.service';

const USAGE = `Usage:
  node dist/server/cli.js migrate                 run pending database migrations
  node dist/server/cli.js seed                    add the demo accounts (idempotent)
  node dist/server/cli.js create-admin --email E [--name N]
                                                  create or reset an admin; the password is
                                                  read from standard input`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || !['migrate', 'seed', 'create-admin'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const config = { ...loadConfig(process.env), seedDemoData: false, admin: undefined };
  // Migrations run when the application context starts; every command gets them.
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: createLogger({ log: { ...config.log, level: 'warn' } }),
  });
  try {
    if (command === 'seed') {
      const result = await app.get(SeedService).seedDemoData();
      console.log(`Demo accounts created: ${result.created.join(', ') || 'none'}`);
      if (result.skipped.length) console.log(`Already present: ${result.skipped.join(', ')}`);
    } else if (command === 'create-admin') {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, name: { type: 'string', default: 'Administrator' } },
      });
      const email = emailSchema.safeParse(values.email);
      if (!email.success) throw new Error('--email must be a valid email address');
      const password = newPasswordSchema.safeParse(await readStdin());
      if (!password.success) throw new Error(`password: ${password.error.issues[0]?.message}`);
      await app.get(AuthService).upsertAdmin(email.data, values.name, password.data);
      console.log(`Admin ${email.data} is ready.`);
    } else {
      console.log('Migrations are up to date.');
    }
    return 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
