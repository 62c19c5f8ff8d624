import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ClippingsModule } from '../clippings/clippings.module';
import { ContinuationsModule } from '../continuations/continuations.module';
import { ArticlesModule } from '../articles/articles.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CatalogModule } from '../catalog/catalog.module';
import type { AppConfig } from '../config/app-config';
import { DashboardModule } from '../dashboard/dashboard.module';
import { DatabaseModule } from '../database/database.module';
import { DemoModule } from '../demo/demo.module';
import { ExportsModule } from '../exports/exports.module';
import { ENTITIES } from './entities';
import { APP_LOGGING, type AppLogging, LogFlush } from './logging';
import { HealthModule } from '../health/health.module';
import { HistoryModule } from '../history/history.module';
import { ImportsModule } from '../imports/imports.module';
import { PublicationsModule } from '../publications/publications.module';
import { RegionsModule } from '../regions/regions.module';
import { SavedViewsModule } from '../saved-views/saved-views.module';
import { IssueMapModule } from '../issue-map/issue-map.module';
import { StoriesModule } from '../stories/stories.module';
import { TagsModule } from '../tags/tags.module';
import { TrashModule } from '../trash/trash.module';

/** Where the built Angular app is: `dist/frontend/browser` beside this build, or under the working directory. */
export function findFrontendDir(): string | null {
  const candidates = [
    resolve(__dirname, '..', '..', '..', '..', 'frontend', 'browser'), // dist/backend/backend/src/app → dist/frontend/browser
    resolve(process.cwd(), 'dist', 'frontend', 'browser'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

@Module({})
export class AppModule {
  static forRoot(
    config: AppConfig,
    frontendDir: string | null = findFrontendDir(),
    logging: AppLogging | null = null,
  ): DynamicModule {
    const staticFiles = frontendDir
      ? [ServeStaticModule.forRoot({ rootPath: frontendDir, exclude: ['/api/{*path}'] })]
      : [];
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot(config, ENTITIES),
        CatalogModule,
        AuditModule,
        AuthModule.forRoot(config),
        PublicationsModule,
        ClippingsModule,
        HistoryModule,
        ContinuationsModule,
        ArticlesModule,
        TagsModule,
        RegionsModule,
        StoriesModule,
        HealthModule,
        ImportsModule,
        TrashModule,
        SavedViewsModule,
        IssueMapModule,
        ExportsModule,
        DashboardModule,
        DemoModule.forRoot(config),
        ...staticFiles,
      ],
      providers: [{ provide: APP_LOGGING, useValue: logging }, LogFlush],
    };
  }
}
