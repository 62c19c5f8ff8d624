import type { PageImport } from '@jianbao/contracts';
import type { PageImportEntity } from './page-import.entity';

/** Entity plus its clipping count → API shape (the raw text stays out of lists). */
export function mapPageImport(entity: PageImportEntity, clippingCount: number): PageImport {
  return {
    id: entity.id,
    publicationId: entity.publicationId,
    issueDate: entity.issueDate,
    pageLabel: entity.pageLabel,
    sha256: entity.sha256,
    clippingCount,
    createdAt: entity.createdAt.toISOString(),
  };
}

/** `2024-10-22T06:03:09.000Z` → `2024-10-22 06:03 UTC`, for the duplicate-page message. */
export function formatImportedAt(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The 409 message naming the earlier import of the same page. */
export function duplicateMessage(entity: Pick<PageImportEntity, 'id' | 'createdAt'>): string {
  return `这一版已于 ${formatImportedAt(entity.createdAt)} 导入 (import #${entity.id})`;
}
