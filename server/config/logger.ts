import { ConsoleLogger, type LogLevel as NestLogLevel } from '@nestjs/common';
import type { AppConfig, LogLevel } from './app-config';

const LEVELS: Record<LogLevel, NestLogLevel[]> = {
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  info: ['fatal', 'error', 'warn', 'log'],
  warn: ['fatal', 'error', 'warn'],
  error: ['fatal', 'error'],
  silent: [],
};

/** JSON lines in production (one object per line, easy to ship), readable text otherwise. */
export function createLogger(config: Pick<AppConfig, 'log'>): ConsoleLogger {
  return new ConsoleLogger({
    json: config.log.format === 'json',
    colors: config.log.format === 'pretty' && process.stdout.isTTY,
    logLevels: LEVELS[config.log.level],
  });
}
