import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

/**
 * Work that runs after the response, so an answer takes the same time whether or not it sent
 * an email (nobody learns which addresses have accounts). Shutdown waits for what is running.
 */
@Injectable()
export class BackgroundTasks implements OnApplicationShutdown {
  private readonly logger = new Logger(BackgroundTasks.name);
  private readonly running = new Set<Promise<void>>();

  run(name: string, work: () => Promise<unknown>): void {
    const task = (async () => {
      // Let the response go out first.
      await new Promise((resolve) => setImmediate(resolve));
      await work();
    })()
      .catch((error: unknown) => {
        this.logger.warn(
          `${name} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.running]);
  }
}
