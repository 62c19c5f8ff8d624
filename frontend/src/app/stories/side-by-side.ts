/**
 * Two versions of a story side by side: one character-level diff (jsdiff's `diffChars` through
 * `diffText`, Chinese-aware: no word boundaries assumed), split into what each column shows — the left
 * text with what only it has marked, the right text with what only it has marked.
 */
import { type DiffSegment, diffStats, diffText } from '../clippings/history/text-diff';

export interface SideSegment {
  /** `own`: only this side has it; `same`: both do. */
  kind: 'same' | 'own';
  text: string;
}

export interface SideBySide {
  left: SideSegment[];
  right: SideSegment[];
  /** Characters only on the left / only on the right. */
  onlyLeft: number;
  onlyRight: number;
}

export function sideBySide(left: string, right: string): SideBySide {
  const segments: DiffSegment[] = diffText(left, right);
  const out: SideBySide = { left: [], right: [], onlyLeft: 0, onlyRight: 0 };
  for (const s of segments) {
    if (s.op === 'equal') {
      out.left.push({ kind: 'same', text: s.text });
      out.right.push({ kind: 'same', text: s.text });
    } else if (s.op === 'delete') out.left.push({ kind: 'own', text: s.text });
    else out.right.push({ kind: 'own', text: s.text });
  }
  const stats = diffStats(segments);
  out.onlyLeft = stats.deleted;
  out.onlyRight = stats.inserted;
  return out;
}
