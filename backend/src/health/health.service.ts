import type { Health } from '@jianbao/contracts';
import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readAppVersion } from '../config/app-version';

/** Liveness plus a round trip (is there an admin yet?) to the database; 503 when the database does not answer. */
@Injectable()
export class HealthService {
  private readonly logger = new Logger(HealthService.name);
  private readonly version = readAppVersion();

  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<Health> {
    let setupRequired: boolean;
    try {
      const admins = await this.dataSource.query<unknown[]>(
        `SELECT 1 AS one FROM app_user WHERE role = 'admin' LIMIT 1`,
      );
      setupRequired = admins.length === 0;
    } catch (error) {
      this.logger.error('Database health check failed', error instanceof Error ? error.stack : String(error));
      throw new ServiceUnavailableException('The database is not answering');
    }
    return { status: 'ok', database: 'ok', version: this.version, setupRequired };
  }
}
