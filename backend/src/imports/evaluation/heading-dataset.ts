/**
 * The headline model's training data: every plain line of every page of a gold set, with its features
 * and whether the reference prints it as part of a title (kicker, title or subtitle). Pure but for
 * reading the folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleHeadingFlags } from '../parser/headings';
import { lineFeatures } from '../parser/model/line-features';
import { tokenise } from '../parser/tokenise';
import { goldLineLabels } from './gold-labels';
import type { GoldPage } from './score-preview';

export interface HeadingExample {
  page: string;
  /** The line's atom index on its page (the stacked pass looks at neighbours). */
  k: number;
  /** The line above / below is text printed with no blank line between. */
  prevLinked: boolean;
  nextLinked: boolean;
  line: number;
  text: string;
  x: number[];
  y: 0 | 1;
  rule: boolean;
}

/** `transform` re-lays a page's text out (another column width, say) before its lines are read. */
export function headingExamples(
  dir: string,
  pages: readonly GoldPage[],
  transform: (text: string, page: GoldPage) => string = (t) => t,
): HeadingExample[] {
  const out: HeadingExample[] = [];
  for (const page of pages) {
    const text = transform(readFileSync(join(dir, page.file), 'utf8').replace(/^\uFEFF/, ''), page);
    const gold = goldLineLabels(text.replace(/^\uFEFF/, ''), page.clippings);
    const atoms = tokenise(text).atoms;
    const rule = ruleHeadingFlags(atoms);
    const feats = lineFeatures(atoms, rule);
    atoms.forEach((a, k) => {
      const x = feats[k];
      if (!x || a.t !== 'para') return;
      out.push({
        page: page.file,
        k,
        prevLinked: a.gapBefore === false && atoms[k - 1]?.t === 'para',
        nextLinked:
          atoms[k + 1]?.t === 'para' && (atoms[k + 1] as { gapBefore: boolean }).gapBefore === false,
        line: a.line,
        text: a.text,
        x,
        y: gold.labels[a.line] === 'title' ? 1 : 0,
        rule: rule[k] ?? false,
      });
    });
  }
  return out;
}
