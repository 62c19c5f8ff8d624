/** The backend's public entry point for the API tests and tools: build the app, open the database. */
export { createApp, type CreateAppOptions } from './app/app.factory';
export { AppConfig, ConfigError, loadConfig, validateConfig, type DbType } from './config/app-config';
export { buildDataSourceOptions, initializeDataSource, openDataSource } from './database/data-source';
export { defaultMigrationsDir, loadMigrations, type MigrationClass } from './database/migrations-loader';
export { readSqlitePragmas } from './database/sqlite-pragmas';
export { syncIdentitySequence } from './database/identity';
export { TransactionRunner } from './database/transaction-runner';
export { parsePage } from './imports/parser/page-parser';
export { runCli } from './cli/run-cli';
export { AuthService } from './auth/auth.service';
export { PUBLIC_KEY, ROLE_KEY, SETUP_KEY } from './common/access';
export { UsersService } from './users/users.service';
export { StartupData } from './demo/startup-data';
export { StoryGroupsService } from './stories/story-groups.service';
export { StoryGroupingQueue } from './stories/story-grouping-queue';
export { BAND_POSTINGS, StoriesRepository } from './stories/stories.repository';
export { ImportBinService } from './imports/import-bin.service';
export {
  FTS_AUTOMERGE,
  SearchRepository,
  type SqlFilter,
  type SearchOrderKey,
} from './search/search.repository';
export { SearchService, type SearchFacets, type SearchResult } from './search/search.service';
export { ReadQueries } from './database/read-queries';
export { naiveHeadHit, naiveMatches, normalizeDocument } from './search/core/naive-match';
export { parseSearchQuery } from './search/core/query';
