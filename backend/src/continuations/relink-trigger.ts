import type { JumpRef } from '@jianbao/contracts';

/** The fields of a clipping the linking rule reads to decide where it fits. */
export interface LinkingFields {
  publicationId: number;
  issueDate: string;
  pageLabel: string;
  continuesFrom?: JumpRef | null;
  continuesTo?: JumpRef | null;
}

function sameRef(a: JumpRef | null | undefined, b: JumpRef | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.page === b.page && a.label === b.label && (a.edition ?? null) === (b.edition ?? null);
}

/** Whether an edit (absent fields unchanged) moves the clipping for the linking rule, so linking must re-run. */
export function needsRelink(current: LinkingFields, edit: Partial<LinkingFields>): boolean {
  return (
    (edit.publicationId !== undefined && edit.publicationId !== current.publicationId) ||
    (edit.issueDate !== undefined && edit.issueDate !== current.issueDate) ||
    (edit.pageLabel !== undefined && edit.pageLabel !== current.pageLabel) ||
    (edit.continuesFrom !== undefined && !sameRef(edit.continuesFrom, current.continuesFrom)) ||
    (edit.continuesTo !== undefined && !sameRef(edit.continuesTo, current.continuesTo))
  );
}
