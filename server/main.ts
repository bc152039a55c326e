import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const where = config.database.type === 'sqlite' ? config.database.path : 'PostgreSQL';
  new Logger('Lensbridge').log(`Listening on ${config.publicUrl} (database: ${where})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Lensbridge failed to start:', error);
  }
  process.exit(1);
});
