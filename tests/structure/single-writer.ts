import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The tables only `clippings/` writes (docs/architecture.md, "Clippings: one writer"). */
export const OWNED_TABLES = [
  'clipping',
  'clipping_tag',
  'clipping_region',
  'clipping_tag_exclusion',
  'clipping_revision',
  'article',
  'clipping_tally',
  'clipping_tally_member',
];

/** Entity classes of those tables; outside `clippings/` only `import type` of them is allowed. */
const OWNED_ENTITY_FILES = /clippings\/(clipping|clipping-tag|clipping-region|article)\.entity['"]/;

/** Files that may hold a value import of the owned entities: the entity registration. */
const REGISTRATION = ['app/entities.ts'];

const isProduction = (f: string) =>
  f.endsWith('.ts') && !/\.spec\.ts$|[.-]testing\.ts$|test-setup\.ts$/.test(f);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : isProduction(p) ? [p] : [];
  });
}

/** SQL that writes one of the owned tables (a name followed by anything but a name character). */
const WRITE_SQL = new RegExp(
  String.raw`\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+["\`]?(?:${OWNED_TABLES.join('|')})(?![\w])`,
  'i',
);

/** Where a production file outside `clippings/` writes an owned table, or could (a value import of its entity). */
export function foreignWriters(srcDir: string): string[] {
  const out: string[] = [];
  for (const f of files(srcDir)) {
    const rel = relative(srcDir, f).split(sep).join('/');
    if (rel.startsWith('clippings/')) continue;
    const text = readFileSync(f, 'utf8');
    const sql = WRITE_SQL.exec(text);
    if (sql) out.push(`${rel}: writes with "${sql[0]}"`);
    for (const line of text.split('\n')) {
      if (!OWNED_ENTITY_FILES.test(line) || /^\s*import\s+type\b/.test(line)) continue;
      if (!/^\s*import\b|from\s+['"]/.test(line)) continue;
      if (!REGISTRATION.includes(rel))
        out.push(`${rel}: imports an owned entity as a value (${line.trim()})`);
    }
  }
  return out;
}
