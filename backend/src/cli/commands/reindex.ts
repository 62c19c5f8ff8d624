import { parseArgs } from 'node:util';
import { type AppConfig, ConfigError, loadConfig } from '../../config/app-config';
import { openDataSource } from '../../database/data-source';
import { ReadQueries } from '../../database/read-queries';
import { TransactionRunner } from '../../database/transaction-runner';
import { SearchRepository } from '../../search/search.repository';
import { SearchService } from '../../search/search.service';
import { EXIT_USAGE, type CliCommand, type CliIo } from './command';

/** `[#####.....] 50% 50,000/100,000 812/s` */
export function reindexProgressLine(done: number, total: number, perSecond: number, width = 20): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(share * 100)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${perSecond.toFixed(0)}/s`;
}

/**
 * `reindex` — rebuilds the full-text index from the clippings (docs/search.md), 500 per transaction
 * through the write queue, so the server may keep running; a progress bar on stderr (one line per 10%
 * when stderr is not a terminal). Resolves to the exit code.
 */
export async function runReindex(
  args: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
  tty: boolean = process.stderr.isTTY === true,
): Promise<number> {
  try {
    parseArgs({ args, options: {} });
  } catch (e) {
    io.stderr(`reindex: ${(e as Error).message}\n`);
    return EXIT_USAGE;
  }
  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`reindex: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const dataSource = await openDataSource(config);
  const read = new ReadQueries(dataSource, 0);
  try {
    const search = new SearchService(
      new SearchRepository(dataSource, read),
      dataSource,
      new TransactionRunner(dataSource),
    );
    const started = Date.now();
    let shown = -1;
    const result = await search.reindex({
      onProgress: (done, total) => {
        const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
        const line = reindexProgressLine(done, total, rate);
        if (tty) io.stderr(`\r${line}\x1b[K`);
        else if (Math.floor((done / Math.max(1, total)) * 10) !== shown) {
          shown = Math.floor((done / Math.max(1, total)) * 10);
          io.stderr(`${line}\n`);
        }
      },
    });
    if (tty) io.stderr('\n');
    io.stdout(
      `reindexed ${result.indexed.toLocaleString('en')} clippings in ${((Date.now() - started) / 1000).toFixed(1)} s` +
        (result.orphansRemoved > 0 ? `; removed ${result.orphansRemoved} entries of deleted clippings` : '') +
        '\n',
    );
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

/** The `reindex` command (`npm run cli -- reindex`). */
export const reindexCommand: CliCommand = {
  name: 'reindex',
  summary: 'rebuild the full-text search index from the clippings, with a progress bar',
  run: (args, io) => runReindex(args, io),
};
