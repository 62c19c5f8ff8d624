import { parsePage } from '../src/imports/parser/page-parser';
import { blocksOf, mulberry32, syntheticCorpus, syntheticPage } from './synthetic-pages';
import { table, timeMs } from './table';

/** Preview throughput on a 1,000-page corpus and time against page size (10 KB, 100 KB, 1 MB). */
export function previewBench(samples: readonly string[], pages = 1000): string {
  const corpus = syntheticCorpus(samples, pages);
  const bytes = corpus.reduce((n, p) => n + Buffer.byteLength(p, 'utf8'), 0);
  for (const p of corpus.slice(0, 20)) parsePage(p); // warm-up
  const ms = timeMs(() => {
    for (const p of corpus) parsePage(p);
  });
  // the same pages again, the JIT now warm: printed beside the headline figure (which keeps the warm-up)
  const steadyMs = timeMs(() => {
    for (const p of corpus) parsePage(p);
  });
  let out = table(
    'Import preview throughput (one core, synthetic pages built from the samples)',
    ['pass', 'pages', 'MB', 'seconds', 'pages/s', 'MB/s'],
    [
      ['first (the figure)', pages, bytes / 1e6, ms / 1000, pages / (ms / 1000), bytes / 1e6 / (ms / 1000)],
      [
        'second (steady state)',
        pages,
        bytes / 1e6,
        steadyMs / 1000,
        pages / (steadyMs / 1000),
        bytes / 1e6 / (steadyMs / 1000),
      ],
    ],
  );
  const blocks = blocksOf(samples);
  const rand = mulberry32(7);
  const rows: Array<Array<string | number>> = [];
  for (const size of [10_000, 100_000, 1_000_000]) {
    const page = syntheticPage(blocks, size, rand);
    parsePage(page);
    const reps = size >= 1_000_000 ? 3 : size >= 100_000 ? 10 : 50;
    const t = timeMs(() => {
      for (let i = 0; i < reps; i++) parsePage(page);
    });
    const real = Buffer.byteLength(page, 'utf8');
    rows.push([`${size / 1000} KB`, real, t / reps, t / reps / (real / 1e6)]);
  }
  out += table(
    'Preview time against page size (linear: ms per MB stays flat)',
    ['page', 'bytes', 'ms/page', 'ms per MB'],
    rows,
  );
  return out;
}
