import { PageImportEntity } from './page-import.entity';
import { duplicateMessage, mapPageImport } from './page-import.mapper';

describe('page import mapper', () => {
  const entity = Object.assign(new PageImportEntity(), {
    id: 7,
    publicationId: 2,
    issueDate: '2024-10-22',
    pageLabel: '第二版',
    rawText: '正文',
    sha256: 'a'.repeat(64),
    createdAt: new Date('2024-10-22T06:03:09Z'),
  });

  it('maps without the raw text', () => {
    expect(mapPageImport(entity, 8)).toEqual({
      id: 7,
      publicationId: 2,
      issueDate: '2024-10-22',
      pageLabel: '第二版',
      sha256: 'a'.repeat(64),
      clippingCount: 8,
      createdAt: '2024-10-22T06:03:09.000Z',
    });
  });

  it('names the earlier import in the duplicate message', () => {
    expect(duplicateMessage(entity)).toBe('这一版已于 2024-10-22 06:03 UTC 导入 (import #7)');
  });
});
