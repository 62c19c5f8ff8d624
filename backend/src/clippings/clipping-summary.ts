import type { ClippingSummary } from '@jianbao/contracts';
import type { EntityManager } from 'typeorm';

/** Length of `ClippingSummary.excerpt`. */
export const EXCERPT_LENGTH = 80;

interface SummaryRow {
  id: number;
  publicationId: number;
  publicationName: string;
  issueDate: string;
  pageLabel: string;
  kind: ClippingSummary['kind'];
  title: string | null;
  excerpt: string;
}

/** Short views of clippings (for samples and same-story lists), in the order of `ids`; missing ids are skipped. */
export async function loadClippingSummaries(
  manager: EntityManager,
  ids: number[],
): Promise<ClippingSummary[]> {
  if (ids.length === 0) return [];
  const rows = await manager
    .createQueryBuilder()
    .select('c.id', 'id')
    .addSelect('c.publication_id', 'publicationId')
    .addSelect('p.name', 'publicationName')
    .addSelect('c.issue_date', 'issueDate')
    .addSelect('c.page_label', 'pageLabel')
    .addSelect('c.kind', 'kind')
    .addSelect('c.title', 'title')
    .addSelect(`SUBSTR(c.body, 1, ${EXCERPT_LENGTH})`, 'excerpt')
    .from('clipping', 'c')
    .innerJoin('publication', 'p', 'p.id = c.publication_id')
    .where('c.id IN (:...ids)', { ids })
    .getRawMany<SummaryRow>();
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is SummaryRow => r !== undefined)
    .map((r) => ({ ...r, id: Number(r.id), publicationId: Number(r.publicationId) }));
}
