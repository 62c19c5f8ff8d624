/**
 * `node load-search-index.js <file> <n>`: builds the load corpus's search index in `<file>` (see
 * `buildSearchIndexFile` in load-corpus.ts), as a process of its own beside the corpus's build.
 */
import '../src/common/module-aliases';
import 'reflect-metadata';
import { buildSearchIndexFile } from './load-corpus';

const [path, size] = process.argv.slice(2);
const n = Number(size);
if (!path || !Number.isInteger(n) || n < 1) {
  process.stderr.write('usage: load-search-index <file> <clippings>\n');
  process.exit(2);
}
const t = Date.now();
buildSearchIndexFile(path, n, (line) => process.stdout.write(`${line}\n`)).then(
  () =>
    process.stdout.write(`load: search index's reindex done at ${((Date.now() - t) / 1000).toFixed(1)} s\n`),
  (error: unknown) => {
    process.stderr.write(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
