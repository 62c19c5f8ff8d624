/**
 * Test helper (imported by specs only): loads the hand-segmented sample pages from the copy in
 * `tests/fixtures/pages` (or `$JIANBAO_SHARED_DIR/pages`) and cuts each
 * reference clipping's body out of its page by the gold anchors. Anchors are matched after removing
 * all whitespace, as gold.json prescribes, because the sample pages wrap lines mid-word.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SampleClipping {
  ref: string;
  file: string;
  kind: string;
  /** Body with all whitespace removed, from bodyStarts to bodyEnds inclusive. */
  body: string;
  sameStoryAs: string[];
}

interface GoldClipping {
  ref: string;
  kind: string;
  bodyStarts: string;
  bodyEnds: string;
  sameStoryAs?: string[];
}
interface GoldPage {
  file: string;
  clippings: GoldClipping[];
}

export function sharedPagesDir(): string {
  const candidates = [
    process.env['JIANBAO_SHARED_DIR'] && path.join(process.env['JIANBAO_SHARED_DIR'], 'pages'),
    path.resolve(__dirname, '../../../../tests/fixtures/pages'),
  ].filter((p): p is string => !!p);
  const found = candidates.find((p) => fs.existsSync(path.join(p, 'gold.json')));
  if (!found) throw new Error(`sample pages not found; looked in ${candidates.join(', ')}`);
  return found;
}

export function loadSamplePage(file: string): string {
  return fs.readFileSync(path.join(sharedPagesDir(), file), 'utf8');
}

export function loadSampleClippings(): SampleClipping[] {
  const dir = sharedPagesDir();
  const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold.json'), 'utf8')) as { pages: GoldPage[] };
  const out: SampleClipping[] = [];
  for (const page of gold.pages) {
    const flat = fs.readFileSync(path.join(dir, page.file), 'utf8').replace(/\s+/g, '');
    for (const c of page.clippings) {
      const start = flat.indexOf(c.bodyStarts.replace(/\s+/g, ''));
      const endAnchor = c.bodyEnds.replace(/\s+/g, '');
      const end = flat.indexOf(endAnchor, start);
      if (start < 0 || end < 0) throw new Error(`anchors of ${c.ref} not found in ${page.file}`);
      out.push({
        ref: c.ref,
        file: page.file,
        kind: c.kind,
        body: flat.slice(start, end + endAnchor.length),
        sameStoryAs: c.sameStoryAs ?? [],
      });
    }
  }
  return out;
}
