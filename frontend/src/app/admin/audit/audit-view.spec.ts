import type { AuditEvent } from '@jianbao/contracts';
import { detailText, pageCount, targetLabel } from './audit-view';

const event = (over: Partial<AuditEvent>): AuditEvent => ({
  id: 1,
  at: '2024-03-05T08:00:00Z',
  action: 'user-created',
  actorId: 1,
  actorName: '管理员',
  targetType: null,
  targetId: null,
  detail: null,
  ip: '127.0.0.1',
  ...over,
});

describe('audit view helpers', () => {
  it('labels the target', () => {
    expect(targetLabel(event({ targetType: 'user', targetId: '3' }))).toBe('user #3');
    expect(targetLabel(event({}))).toBe('');
  });

  it('shows the detail as short key: value text', () => {
    expect(detailText({ username: '李四', role: 'viewer' })).toBe('username: 李四; role: viewer');
    expect(detailText({ changes: { role: ['viewer', 'editor'] } })).toBe(
      'changes: {"role":["viewer","editor"]}',
    );
    expect(detailText(null)).toBe('');
    expect(detailText({ body: '长'.repeat(500) }, 20)).toHaveLength(20);
  });

  it('counts pages, at least one', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
  });
});
