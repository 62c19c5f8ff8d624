import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { SqliteReadPool } from './sqlite-read-pool';

/** How many read-only SQLite connections serve reads outside transactions (0: the main connection). */
export const SQLITE_READERS = Symbol('SQLITE_READERS');

/** `?` placeholders → PostgreSQL's `$1, $2, …` (the hot reads' SQL holds no literal question marks). */
export function toDollarPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${(n += 1)}`);
}

/**
 * Hand-written SELECTs for the hot read paths (list pages, clipping views, sessions), written once with
 * `?` placeholders for both databases. Inside a transaction they run on its connection; outside, on
 * SQLite, on a pool of read-only connections (see sqlite-read-pool.ts), on PostgreSQL on TypeORM's pool.
 */
@Injectable()
export class ReadQueries implements OnModuleInit, OnApplicationShutdown {
  private pool: SqliteReadPool | null = null;
  /** Whether the SQL runs on PostgreSQL (else SQLite). */
  readonly postgres: boolean;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SQLITE_READERS) private readonly readers: number,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  async onModuleInit(): Promise<void> {
    const options = this.dataSource.options;
    if (options.type !== 'sqlite' || this.readers < 1) return;
    const path = options.database;
    if (path === ':memory:' || path === '') return;
    this.pool = await SqliteReadPool.open(path, this.readers, options.busyTimeout);
  }

  async onApplicationShutdown(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }

  /** The rows of one SELECT; in `manager`'s transaction when given. */
  async all<T>(sql: string, params: readonly unknown[], manager?: EntityManager): Promise<T[]> {
    if (manager?.queryRunner?.isTransactionActive || !this.pool) {
      const runner = manager ?? this.dataSource.manager;
      return (await runner.query(this.postgres ? toDollarPlaceholders(sql) : sql, [...params])) as T[];
    }
    try {
      return await this.pool.all<T>(sql, params);
    } catch (error) {
      // As TypeORM reports failed queries, so the error filter treats both alike.
      throw new QueryFailedError(sql, [...params], error instanceof Error ? error : new Error(String(error)));
    }
  }
}
