import type { JumpRef } from '@jianbao/contracts';
import type { MarkerAgreement, PartSummary } from './types';

/**
 * Canonical page label: NFKC (full-width digits and letters folded), upper case, without `第`, `版`,
 * `page`, spaces or leading zeros of the number: `第０２版` → `2`, `a03` → `A3`.
 * Chinese numerals are expected to be converted by the parser already (JumpRef contract); they pass
 * through unchanged.
 */
export function normalisePageLabel(label: string): string {
  const s = label
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s第版]|PAGE/g, '');
  return s.replace(/(^|[A-Z])0+(?=\d)/g, '$1');
}

/** Edition letter prefix of a normalised page label (`A3` → `A`), or '' when none. */
function editionOf(page: string): string {
  const m = /^([A-Z]+)\d/.exec(page);
  return m ? m[1]! : '';
}

/**
 * The page a marker points to, read from the page it is printed on: a marker without an edition
 * letter inherits the letter of its own page (`下转2版` printed on A1 means A2); the marker's own edition
 * letters (`下转B3版`: page `3`, edition `B`) come first.
 */
export function resolveMarkerPage(
  markerPage: string,
  printedOnPage: string,
  edition?: string | null,
): string {
  const target = normalisePageLabel(`${edition ?? ''}${markerPage}`);
  if (/^\d+$/.test(target)) return editionOf(normalisePageLabel(printedOnPage)) + target;
  return target;
}

export type Compatibility =
  | { ok: true; markers: MarkerAgreement; reasons: string[]; labelsAgree: string | null }
  | { ok: false; why: string };

function displayPage(page: string): string {
  return normalisePageLabel(page);
}

/**
 * Whether the markers allow `tail` to continue `head`. Hard rules, never overridden by evidence:
 * different publication or issue date → no; a marker naming another page → no; letters printed on
 * both sides and different → no; no marker on either side → no (nothing says they are continued).
 */
export function markerCompatibility(head: PartSummary, tail: PartSummary): Compatibility {
  if (head.id === tail.id) return { ok: false, why: 'same part' };
  if (String(head.publicationId) !== String(tail.publicationId))
    return { ok: false, why: 'different publication' };
  if (head.issueDate !== tail.issueDate) return { ok: false, why: 'different issue date' };
  const to = head.continuesTo;
  const from = tail.continuesFrom;
  if (!to && !from) return { ok: false, why: 'no jump marker on either part' };
  const headPage = normalisePageLabel(head.pageLabel);
  const tailPage = normalisePageLabel(tail.pageLabel);
  if (to && resolveMarkerPage(to.page, headPage, to.edition) !== tailPage) {
    return {
      ok: false,
      why: `head continues on page ${resolveMarkerPage(to.page, headPage, to.edition)}, tail is on page ${tailPage}`,
    };
  }
  if (from && resolveMarkerPage(from.page, tailPage, from.edition) !== headPage) {
    return {
      ok: false,
      why: `tail continues from page ${resolveMarkerPage(from.page, tailPage, from.edition)}, head is on page ${headPage}`,
    };
  }
  const hl = to?.label ? to.label.toUpperCase() : null;
  const tl = from?.label ? from.label.toUpperCase() : null;
  if (hl && tl && hl !== tl) return { ok: false, why: `labels differ: ${hl} vs ${tl}` };
  const reasons: string[] = [];
  if (to && from) reasons.push(`page ${displayPage(headPage)}→${displayPage(tailPage)} markers agree`);
  else if (to) reasons.push(`only the head has a marker (${to.marker || '下转'}); the tail has none`);
  else reasons.push(`only the tail has a marker (${from!.marker || '上接'}); the head has none`);
  const labelsAgree = hl && tl ? hl : null;
  if (labelsAgree) reasons.push(`label ${labelsAgree}`);
  return { ok: true, markers: to && from ? 'agree' : 'one-sided', reasons, labelsAgree };
}

export type { JumpRef };
