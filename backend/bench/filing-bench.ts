/**
 * Filing throughput: synthetic pages filed one transaction each into a temporary SQLite file through
 * the real ImportsService — parsing, region detection, batched inserts, tag rules, continuation linking
 * and the same-story index included. Prints clippings/s and pages/s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticCorpus } from './synthetic-pages';
import { table } from './table';
import { AppConfig, validateConfig } from '../src/config/app-config';
import { openFilingSession } from '../src/cli/filing-session';

/** Pages filed by default: enough for a stable rate, small enough to finish in seconds. */
const MAX_PAGES = 300;

export async function filingBench(opts: { pages: number; samples: string[] }): Promise<string> {
  const pages = Math.min(opts.pages, MAX_PAGES);
  const corpus = syntheticCorpus(opts.samples, pages + 5, 1234);
  const dir = mkdtempSync(join(tmpdir(), 'jianbao-bench-'));
  try {
    const config = validateConfig(
      Object.assign(new AppConfig(), {
        databasePath: join(dir, 'bench.sqlite'),
        seedRegions: true,
        demoData: false,
      }),
    );
    const t0 = process.hrtime.bigint();
    const session = await openFilingSession(config);
    const startupMs = Number(process.hrtime.bigint() - t0) / 1e6;
    try {
      const { id: publicationId } = await session.publication('济宁日报');
      const fileAt = async (i: number): Promise<number> => {
        const day = String((i % 28) + 1).padStart(2, '0');
        const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
        const outcome = await session.file({
          text: corpus[i] ?? '',
          publicationId,
          issueDate: `2024-${month}-${day}`,
          pageLabel: String((i % 8) + 1),
        });
        if (outcome.status !== 'filed')
          throw new Error(
            `bench page ${i}: ${outcome.status} ${'message' in outcome ? outcome.message : ''}`,
          );
        return outcome.result.clippings.length;
      };
      for (let i = pages; i < pages + 5; i += 1) await fileAt(i); // warm-up: JIT, matcher, statement cache
      let clippings = 0;
      const start = process.hrtime.bigint();
      for (let i = 0; i < pages; i += 1) clippings += await fileAt(i);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      return table(
        'Filing throughput (one transaction per page into SQLite: parse, regions, inserts, tag rules, continuations, story index)',
        ['pages', 'clippings', 'seconds', 'pages/s', 'clippings/s', 'start-up ms'],
        [[pages, clippings, seconds, pages / seconds, clippings / seconds, startupMs]],
      );
    } finally {
      await session.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
