import type { Health } from '@jianbao/contracts';
import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readAppVersion } from '../config/app-version';

/** Liveness plus a `SELECT 1` round trip to the database; 503 when the database does not answer. */
@Injectable()
export class HealthService {
  private readonly logger = new Logger(HealthService.name);
  private readonly version = readAppVersion();

  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<Health> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch (error) {
      this.logger.error('Database health check failed', error instanceof Error ? error.stack : String(error));
      throw new ServiceUnavailableException('The database is not answering');
    }
    return { status: 'ok', database: 'ok', version: this.version };
  }
}
