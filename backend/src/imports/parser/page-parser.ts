/**
 * The page parser: raw OCR/PDF text of one newspaper page → proposed clippings (the import preview).
 *
 * Pipeline, each step linear in the page size:
 *  1. tokenise every line into atoms: body text, jump markers, datelines, bylines, furniture, banners;
 *  2. mark headline lines by shape and context (short, unpunctuated, not inside a running sentence);
 *  3. cut the atom stream into segments at hard signals (上接, 下转, datelines, bylines, 摄 credits, ads);
 *  4. decide whether the page prints headlines before or after their bodies, then attach each floating
 *     headline to the body it shares most vocabulary with (ties: the page's orientation);
 *  5. split segments at in-article headlines that are really another article's title, keep the rest as
 *     subheads; build the clippings.
 * Pure TypeScript: no framework imports, never throws, deterministic.
 */
import type { HeadingAtom, SkipAtom } from './atoms';
import { attachFloatingHeadings, detectOrientation, rejoinGapTails } from './attach';
import { buildClipping, reportGluedLines, splitSegment } from './clippings';
import { markHeadings, paragraphIndents } from './headings';
import type { HeadingModels } from './model/heading-model';
import { segment } from './segments';
import { tokenise } from './tokenise';
import type { ImportPreview, PreviewClipping, UnassignedLine } from '@jianbao/contracts';

// ====================================================================== public API

/** Parses the text of one page into an import preview. Never throws; identical input gives identical output. */
/** Options for experiments and training: other weights for the headline model (default: the committed ones). */
export interface ParseOptions {
  headingModels?: HeadingModels;
}

export function parsePage(text: string, options: ParseOptions = {}): ImportPreview {
  try {
    return parsePageUnsafe(typeof text === 'string' ? text : String(text ?? ''), options);
  } catch (err) {
    // Last resort: a bug must never lose the editor's page. Everything goes to unassigned.
    return fallbackPreview(typeof text === 'string' ? text : '', err);
  }
}

function fallbackPreview(text: string, _err: unknown): ImportPreview {
  const unassignedLines: UnassignedLine[] = [];
  text.split('\n').forEach((raw, line) => {
    const t = raw.trim();
    if (t.length > 0) unassignedLines.push({ line, text: t });
  });
  return { clippings: [], unassigned: unassignedLines.map((u) => u.text), unassignedLines };
}
// ====================================================================== driver

function parsePageUnsafe(text: string, options: ParseOptions): ImportPreview {
  const tok = tokenise(text);
  const atoms = markHeadings(tok.atoms, options.headingModels, paragraphIndents(tok.rawLines));
  const skipped: SkipAtom[] = [];
  const seq = segment(atoms, skipped, tok.splitLines);
  const orientation = detectOrientation(seq);
  const leftover: HeadingAtom[] = [];
  attachFloatingHeadings(seq, orientation, leftover);
  rejoinGapTails(seq);
  const parts = seq.flatMap((it) => (it.k === 'seg' ? splitSegment(it.seg, orientation) : []));
  const clippings: PreviewClipping[] = [];
  parts.forEach((part, i) => {
    // a part ends where the next one opens: the weaker of the two boundaries is its confidence
    const c = buildClipping(part, parts[i + 1]?.openCause ?? 'page');
    if (c) clippings.push(c);
  });
  const unassignedLines: UnassignedLine[] = skipped.map((s) => ({ line: s.line, text: s.text }));
  for (const h of leftover) for (const l of h.lines) unassignedLines.push({ line: l.line, text: l.text });
  if (tok.glued.size > 0) reportGluedLines(clippings, unassignedLines, tok.glued, tok.rawLines);
  unassignedLines.sort((a, b) => a.line - b.line);
  // `unassigned` also carries the verbatim text of lines the parser cut across fields (a jump marker or
  // credit glued to body text), so that every input line can be found whole somewhere in the preview.
  const unassigned = unassignedLines.map((u) => u.text);
  const splitTexts = [...tok.splitLines]
    .sort((a, b) => a - b)
    .map((line) => (tok.rawLines[line] ?? '').trim())
    .filter((t) => t.length > 0);
  return { clippings, unassigned: [...unassigned, ...splitTexts], unassignedLines };
}
