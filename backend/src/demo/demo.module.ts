import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { ClippingsModule } from '../clippings/clippings.module';
import { ImportsModule } from '../imports/imports.module';
import { SearchModule } from '../search/search.module';
import { StoriesModule } from '../stories/stories.module';
import { STARTUP_CONFIG, StartupData } from './startup-data';

/** Start-up data: the search index when short, the region gazetteer and, on an empty database, the demo pages. */
@Module({})
export class DemoModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DemoModule,
      imports: [ImportsModule, ClippingsModule, SearchModule, StoriesModule],
      providers: [{ provide: STARTUP_CONFIG, useValue: config }, StartupData],
      exports: [StartupData],
    };
  }
}
