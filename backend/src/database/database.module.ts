import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, initializeDataSource } from './data-source';
import { loadMigrations } from './migrations-loader';
import { TransactionRunner } from './transaction-runner';

/** The TypeORM connection (migrated on start) and the transaction runner, for every feature. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => ({
            ...buildDataSourceOptions(config, await loadMigrations()),
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
      providers: [TransactionRunner],
      exports: [TransactionRunner],
    };
  }
}
