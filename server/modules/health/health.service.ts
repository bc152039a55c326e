import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: { status: 'up' | 'down'; type: string; latencyMs?: number; error?: string };
  uptimeSeconds: number;
}

@Injectable()
export class HealthService {
  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<HealthReport> {
    const type = String(this.dataSource.options.type);
    const started = performance.now();
    try {
      await this.dataSource.query('SELECT 1');
      const latencyMs = Math.round((performance.now() - started) * 10) / 10;
      return { status: 'ok', database: { status: 'up', type, latencyMs }, uptimeSeconds: uptime() };
    } catch {
      return {
        status: 'degraded',
        database: { status: 'down', type, error: 'The database did not answer.' },
        uptimeSeconds: uptime(),
      };
    }
  }
}

function uptime(): number {
  return Math.round(process.uptime());
}
