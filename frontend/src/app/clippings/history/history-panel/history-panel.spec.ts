import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { Clipping, ClippingRevision, ClippingSnapshot } from '@jianbao/contracts';
import { I18n } from '../../../shared/i18n/i18n';
import { HistoryPanel, type RestoreConflict, type Restored } from './history-panel';

const snapshot: ClippingSnapshot = {
  publicationId: 1,
  issueDate: '2024-03-05',
  pageLabel: 'A2',
  kind: 'article',
  kicker: null,
  title: '梁山小小明信片倡树大文明',
  subtitle: null,
  byline: null,
  dateline: null,
  body: '本报讯 近日，梁山县文明办发行一套明信片。',
  subheads: [],
  status: 'draft',
  continuesFrom: null,
  continuesTo: null,
  previousPartId: null,
  nextPartId: null,
  tags: [],
  regions: [],
};

const revisions: ClippingRevision[] = [
  {
    id: 3,
    clippingId: 5,
    version: 3,
    at: '2024-03-06T09:00:00.000Z',
    actorId: 2,
    actorName: '编辑小李',
    action: 'edited',
    changes: [
      {
        field: 'body',
        before: '本报讯 近日，梁山县文明办发行一套明信片。',
        after: '本报讯 近日，梁山县文明委发行一套明信片。',
      },
      { field: 'tags', before: [], after: [{ id: 1, name: '文明', source: 'manual' }] },
    ],
    snapshot,
  },
  {
    id: 2,
    clippingId: 5,
    version: 2,
    at: '2024-03-05T09:00:00.000Z',
    actorId: 1,
    actorName: '管理员老王',
    action: 'edited',
    changes: [{ field: 'title', before: '梁山明信片', after: '梁山小小明信片倡树大文明' }],
    snapshot,
  },
  {
    id: 1,
    clippingId: 5,
    version: 1,
    at: '2024-03-05T08:00:00.000Z',
    actorId: null,
    actorName: null,
    action: 'created',
    changes: [
      { field: 'kind', before: null, after: 'article' },
      { field: 'publicationId', before: null, after: 1 },
    ],
    snapshot,
  },
];

describe('HistoryPanel', () => {
  let fixture: ComponentFixture<HistoryPanel>;
  let http: HttpTestingController;
  let el: HTMLElement;
  const item = (version: number) => el.querySelector<HTMLElement>(`li[data-version="${version}"]`)!;
  const button = (scope: HTMLElement, name: string) =>
    Array.from(scope.querySelectorAll<HTMLButtonElement>('button')).find(
      (b) => b.textContent?.trim() === name,
    );

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [HistoryPanel],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    fixture = TestBed.createComponent(HistoryPanel);
    fixture.componentRef.setInput('clippingId', 5);
    fixture.componentRef.setInput('version', 3);
    fixture.componentRef.setInput('canRestore', true);
    fixture.componentRef.setInput('publications', [
      {
        id: 1,
        name: '济宁日报',
        shortName: null,
        homeRegionCode: null,
        language: 'zh-CN',
        notes: null,
        createdAt: '',
        updatedAt: '',
      },
    ]);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/clippings/5/history').flush(revisions);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('shows who changed what, with an inline diff and chips', () => {
    const newest = item(3);
    expect(newest.textContent).toContain('编辑小李');
    expect(newest.textContent).toContain('当前版本');
    expect(newest.querySelector('[data-field=body] del')?.textContent).toBe('办');
    expect(newest.querySelector('[data-field=body] ins')?.textContent).toBe('委');
    expect(newest.querySelector('.chip.added')?.textContent).toContain('文明');
    expect(item(2).querySelector('[data-field=title] del')?.textContent).toBe('梁山明信片');
    expect(item(1).textContent).toContain('系统');
    expect(item(1).textContent).toContain('创建');
    // A creation shows values only, named as the UI names them.
    expect(item(1).querySelector('[data-field=kind] ins')?.textContent).toBe('文章');
    expect(item(1).querySelector('[data-field=kind] del')).toBeNull();
    expect(item(1).querySelector('[data-field=publicationId] ins')?.textContent).toBe('济宁日报');
    expect(button(newest, '恢复到此版本')).toBeUndefined();
  });

  it('restores an earlier version after a confirmation', async () => {
    const restored: Restored[] = [];
    fixture.componentInstance.restored.subscribe((r) => restored.push(r));
    button(item(2), '恢复到此版本')!.click();
    await fixture.whenStable();
    http.expectNone('/api/clippings/5/restore');
    expect(item(2).querySelector('[role=alert]')?.textContent).toContain('版本 2');
    button(item(2), '恢复到此版本')!.click();
    const req = http.expectOne({ method: 'POST', url: '/api/clippings/5/restore' });
    expect(req.request.body).toEqual({ version: 2, currentVersion: 3 });
    const now = { id: 5, version: 4 } as Clipping;
    req.flush(now);
    expect(restored).toEqual([{ clipping: now, from: 2 }]);

    // The form then shows version 4, and the history reloads.
    fixture.componentRef.setInput('version', 4);
    await fixture.whenStable();
    http.expectOne('/api/clippings/5/history').flush(revisions);
  });

  it('hands a 409 on restore to the form as a conflict', async () => {
    const conflicts: RestoreConflict[] = [];
    fixture.componentInstance.conflict.subscribe((c) => conflicts.push(c));
    button(item(1), '恢复到此版本')!.click();
    await fixture.whenStable();
    button(item(1), '恢复到此版本')!.click();
    http
      .expectOne('/api/clippings/5/restore')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'stale', details: { current: { id: 5, version: 9 } } },
        { status: 409, statusText: 'Conflict' },
      );
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.revision.version).toBe(1);
    expect(conflicts[0]?.error.statusCode).toBe(409);
  });

  it('offers no restore to viewers', async () => {
    fixture.componentRef.setInput('canRestore', false);
    await fixture.whenStable();
    expect(button(item(2), '恢复到此版本')).toBeUndefined();
  });
});
