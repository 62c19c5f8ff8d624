import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { DataSource } from 'typeorm';
import { LIST_DEPTH } from './capped-count';
import { buildDataSourceOptions, type EntityList, initializeDataSource } from './data-source';
import { loadMigrations } from './migrations-loader';
import { ReadQueries, SQLITE_READERS } from './read-queries';
import { TransactionRunner } from './transaction-runner';

/** The TypeORM connection (migrated on start), the transaction runner and the hot reads' queries, for every feature. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig, entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => ({
            ...buildDataSourceOptions(config, await loadMigrations(), entities),
            // A failed migration or a bad path will not fix itself: fail fast instead of retrying.
            retryAttempts: 0,
            toRetry: () => false,
          }),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('TypeORM options missing');
            return initializeDataSource(new DataSource(options));
          },
        }),
      ],
      providers: [
        TransactionRunner,
        ReadQueries,
        { provide: SQLITE_READERS, useValue: config.sqliteReaders },
        { provide: LIST_DEPTH, useValue: config.listDepth },
      ],
      exports: [TransactionRunner, ReadQueries, LIST_DEPTH],
    };
  }
}
