import type { AuditEvent } from '@jianbao/contracts';
import { interpolate } from '../../shared/i18n/i18n';
import { type MessageKey, ZH_CN } from '../../shared/i18n/messages';
import { actionKey, auditDetail, auditLink, detailText, pageCount } from './audit-view';

const zh = (key: MessageKey, params?: Record<string, string | number>): string =>
  interpolate(ZH_CN[key], params);
const said = (e: AuditEvent): string => {
  const d = auditDetail(e, zh);
  return d ? zh(d.key, d.params) : '';
};

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
  it('names actions in Chinese, unknown ones as recorded', () => {
    expect(zh(actionKey('page-filed')!)).toBe('归档版面');
    expect(actionKey('something-new')).toBeNull();
  });

  it('says the detail of each action in Chinese, not as JSON', () => {
    expect(
      said(
        event({
          action: 'page-filed',
          detail: { publicationName: '济宁日报', issueDate: '2024-10-22', pageLabel: '2', clippings: 7 },
        }),
      ),
    ).toBe('济宁日报 2024-10-22 版面 2，7 条剪报');
    expect(
      said(
        event({ action: 'clipping-edited', detail: { label: '标题', fields: ['title', 'status', 'tags'] } }),
      ),
    ).toBe('“标题”：改了标题、状态、标签');
    expect(
      said(event({ action: 'tag-rule-applied', detail: { tagName: '梁山', matched: 3, added: 2 } })),
    ).toBe('标签“梁山”：匹配 3 条，新加 2 条');
    expect(
      said(
        event({
          action: 'user-updated',
          detail: { username: '李四', role: { before: 'viewer', after: 'editor' } },
        }),
      ),
    ).toBe('“李四”的角色：查看者 → 编辑');
    expect(said(event({ action: 'login-failed', detail: { username: 'x', reason: 'password' } }))).toBe(
      '用户名“x”：密码错误',
    );
    expect(
      said(event({ action: 'clipping-trashed', detail: { label: '旧闻', reason: 'import-replaced' } })),
    ).toBe('“旧闻”（所属导入被替换）');
    expect(said(event({ action: 'login' }))).toBe('');
  });

  it('links to what the event names', () => {
    expect(
      auditLink(event({ action: 'clipping-edited', targetType: 'clipping', targetId: '12' })),
    ).toMatchObject({
      commands: ['/clippings', '12'],
    });
    expect(
      auditLink(
        event({
          action: 'page-filed',
          targetType: 'import',
          targetId: '4',
          detail: { publicationId: 1, issueDate: '2024-10-22', pageLabel: '2' },
        }),
      ),
    ).toMatchObject({
      commands: ['/clippings'],
      queryParams: { publicationId: 1, from: '2024-10-22', to: '2024-10-22', pageLabel: '2' },
    });
    expect(
      auditLink(event({ action: 'tag-rule-applied', targetType: 'tag', targetId: '5' }))?.queryParams,
    ).toEqual({
      tagId: '5',
    });
    expect(auditLink(event({ action: 'user-created', targetType: 'user', targetId: '3' }))?.commands).toEqual(
      ['/admin/users'],
    );
    expect(
      auditLink(event({ action: 'clipping-trashed', targetType: 'clipping', targetId: '9' }))?.commands,
    ).toEqual(['/admin/trash']);
    expect(auditLink(event({ action: 'login' }))).toBeNull();
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
