import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegionDirectory } from '../catalog/region-directory';
import { ClippingStore } from '../clippings/store/clipping-store';
import { ClippingTallies } from '../clippings/tally/clipping-tallies';
import { type AppConfig, startupStepEnabled } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { ImportBinService } from '../imports/import-bin.service';
import { ImportsService } from '../imports/imports.service';
import { loadGazetteer } from '../regions/gazetteer';
import { SearchService } from '../search/search.service';
import { StoryGroupsService } from '../stories/story-groups.service';
import { seedGazetteer } from '../regions/gazetteer-seed';
import { loadDemoPages } from './demo-pages';

export const STARTUP_CONFIG = Symbol('STARTUP_CONFIG');

/**
 * Data the app needs on start-up, after the migrations: the full-text index rebuilt when it is short of
 * the clipping table, the dashboard's counts made when the database has none, China's divisions in `region` (when missing, one transaction), then — on a database without publications — the two sample pages as demo data,
 * then, in the background, a first revision for clippings filed before history existed, story groups
 * for clippings filed before those, and the unassigned lines of pages filed before those were recorded.
 */
@Injectable()
export class StartupData implements OnApplicationBootstrap {
  private readonly logger = new Logger('StartupData');

  constructor(
    @Inject(STARTUP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly dataSource: DataSource,
    private readonly imports: ImportsService,
    private readonly store: ClippingStore,
    private readonly regionDirectory: RegionDirectory,
    private readonly search: SearchService,
    private readonly tallies: ClippingTallies,
    private readonly storyGroups: StoryGroupsService,
    private readonly bins: ImportBinService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.rebuildSearchIndexIfShort();
    await this.countClippingsIfUncounted();
    if (startupStepEnabled(this.config, 'seedRegions')) await this.seedRegions();
    if (startupStepEnabled(this.config, 'demoData')) await this.fileDemoPages();
    // In the background: 100,000 clippings take about 20 s, in short transactions between requests.
    if (startupStepEnabled(this.config, 'historyBaseline'))
      void this.recordHistoryBaselines().catch((error: unknown) =>
        this.logger.error(
          `History baselines stopped: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    // In the background, 50 clippings per transaction whenever the write queue has been quiet for 1 s.
    if (startupStepEnabled(this.config, 'storyCatchUp'))
      void this.groupUnseenStories().catch((error: unknown) =>
        this.logger.error(
          `Story grouping catch-up stopped: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    // In the background, 20 pages per transaction whenever the write queue has been quiet for 1 s.
    if (startupStepEnabled(this.config, 'unassignedCatchUp'))
      void this.binUnseenPages().catch((error: unknown) =>
        this.logger.error(
          `Unassigned-lines catch-up stopped: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  }

  /** Works out the unassigned lines of pages filed before they were recorded; answers how many pages. */
  async binUnseenPages(): Promise<number> {
    const n = await this.bins.catchUpInBackground();
    if (n > 0) this.logger.log(`Unassigned lines: ${n} pages filed before them checked`);
    return n;
  }

  /** Groups the clippings story grouping has never seen (the background step); answers how many. */
  async groupUnseenStories(): Promise<number> {
    const n = await this.storyGroups.catchUpInBackground();
    if (n > 0) this.logger.log(`Story groups: ${n} clippings filed before them grouped`);
    return n;
  }

  /**
   * Gives every clipping filed before history existed its first revision, 500 per transaction;
   * answers how many. Nothing to do (one query) on a database filed since.
   */
  async recordHistoryBaselines(batch = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.store.write({ id: null, name: 'system' }, 'baseline', (w) =>
        w.recordBaselines(batch),
      );
      total += n;
      if (n < batch) break;
    }
    if (total > 0) this.logger.log(`History starts for ${total} clippings filed before it existed`);
    return total;
  }

  /**
   * Rebuilds the full-text index when it lacks clippings (a database filed before the index existed):
   * checked with two index lookups, rebuilt before the app serves so search never disagrees with the
   * list (100,000 clippings: about 2.5 minutes, logged every 10%). Answers how many were indexed.
   */
  async rebuildSearchIndexIfShort(): Promise<number> {
    if (!(await this.search.isShort())) return 0;
    this.logger.log('The full-text index is short of the clippings: rebuilding it (npm run cli -- reindex)');
    let shown = -1;
    const result = await this.search.reindex({
      onProgress: (done, total) => {
        const tenth = Math.floor((done / Math.max(1, total)) * 10);
        if (tenth === shown) return;
        shown = tenth;
        this.logger.log(
          `Full-text index: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} clippings`,
        );
      },
    });
    this.logger.log(`Full-text index rebuilt: ${result.indexed.toLocaleString('en')} clippings`);
    return result.indexed;
  }

  /**
   * Counts every clipping into `clipping_tally` when the database has clippings and no counts (filed
   * before the counts existed), before the app serves: 100,000 clippings take about 10 s. Answers how
   * many were counted.
   */
  async countClippingsIfUncounted(): Promise<number> {
    if (!(await this.tallies.isMissing())) return 0;
    this.logger.log('The dashboard counts are missing: counting every clipping once');
    const n = await this.tallies.rebuild((work) => this.tx.run(work));
    this.logger.log(`Dashboard counts made for ${n.toLocaleString('en')} clippings`);
    return n;
  }

  /** Inserts the gazetteer units missing from `region`; answers how many were added. */
  async seedRegions(): Promise<number> {
    const entries = loadGazetteer();
    const added = await this.tx.run((manager) => seedGazetteer(manager, entries));
    this.regionDirectory.invalidate();
    if (added > 0) this.logger.log(`Seeded ${added} regions from the gazetteer`);
    return added;
  }

  /** Files the demo pages when there is no publication yet; answers how many clippings were filed. */
  async fileDemoPages(): Promise<number> {
    const rows = (await this.dataSource.query('SELECT COUNT(*) AS n FROM publication')) as {
      n: number | string;
    }[];
    if (Number(rows[0]?.n ?? 0) > 0) return 0;
    let filed = 0;
    try {
      for (const page of loadDemoPages()) {
        const { publication } = await this.imports.publicationNamed(
          page.publication.name,
          page.publication.homeRegionCode,
        );
        const result = await this.imports.file({
          text: page.text,
          publicationId: publication.id,
          issueDate: page.issueDate,
          pageLabel: page.pageLabel,
        });
        filed += result.clippings.length;
      }
      this.logger.log(`Empty database: filed ${filed} demo clippings (DEMO_DATA=false skips this)`);
    } catch (error) {
      // Demo data is a convenience: a failure is reported, never a reason not to start.
      this.logger.error(`Demo data not filed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return filed;
  }
}
