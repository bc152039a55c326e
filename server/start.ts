import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig, type ProcessRole } from './config/app-config';

/**
 * Starts this process in its role (`PROCESS_ROLE`, or the entry point's): `all` and `api` serve
 * HTTP on PORT; a `worker` serves nothing and runs the render queue and the scheduled work
 * until it is told to stop (SIGTERM: it finishes or hands back its jobs).
 */
export function start(role?: ProcessRole): void {
  run(role).catch((error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
    } else {
      console.error('Lensbridge failed to start:', error);
    }
    process.exit(1);
  });
}

async function run(role: ProcessRole | undefined): Promise<void> {
  const config = loadConfig(role ? { ...process.env, PROCESS_ROLE: role } : process.env);
  const app = await createApp(config);
  const logger = new Logger('Lensbridge');
  const where = config.database.type === 'sqlite' ? config.database.path : 'PostgreSQL';
  if (config.role === 'worker') {
    await app.init();
    logger.log(
      `Worker started: ${config.drafts.workers} render worker(s), scheduled work on (database: ${where})`,
    );
    return;
  }
  await app.listen(config.port, config.host);
  logger.log(
    `Listening on ${config.publicUrl} as ${config.role === 'api' ? 'an API-only process' : 'API and worker'} (database: ${where})`,
  );
}
