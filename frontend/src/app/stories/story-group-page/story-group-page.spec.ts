import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { StoryGroupDetail, StoryMember } from '@jianbao/contracts';
import { provideSignedInAs } from '../../auth/auth-testing';
import { I18n } from '../../shared/i18n/i18n';
import { StoryGroupPage } from './story-group-page';

const member = (clippingId: number, over: Partial<StoryMember>): StoryMember => ({
  clippingId,
  partIds: [clippingId],
  publicationId: clippingId,
  publicationName: '济宁日报',
  issueDate: '2024-10-22',
  pageLabels: ['2'],
  title: '关于深化产业工人队伍建设改革的意见',
  excerpt: '产业工人是工人阶级的主体力量',
  textLength: 40,
  containment: 1,
  main: false,
  ...over,
});

const detail: StoryGroupDetail = {
  id: 7,
  status: 'proposed',
  mainClippingId: 1,
  mainChosen: false,
  createdAt: '2024-10-22T00:00:00Z',
  updatedAt: '2024-10-22T00:00:00Z',
  members: [
    member(1, { main: true }),
    member(2, { publicationName: '安康日报', containment: 0.93, pageLabels: ['2', '3'], partIds: [2, 3] }),
  ],
  texts: [
    { clippingId: 1, text: '新华社北京电 产业工人是工人阶级的主体力量。' },
    { clippingId: 2, text: '产业工人是工人阶级的主体力量。' },
  ],
};

describe('StoryGroupPage', () => {
  let fixture: ComponentFixture<StoryGroupPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  function start(role: 'viewer' | 'editor'): void {
    TestBed.configureTestingModule({
      imports: [StoryGroupPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSignedInAs(role),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    fixture = TestBed.createComponent(StoryGroupPage);
    el = fixture.nativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  it('shows the texts with pages and overlap, the two versions side by side, and confirms', async () => {
    start('editor');
    fixture.componentRef.setInput('id', '7');
    await fixture.whenStable();
    http.expectOne('/api/stories/7').flush(detail);
    await fixture.whenStable();

    const rows = el.querySelectorAll('tr[data-member]');
    expect(rows).toHaveLength(2);
    expect(rows[1]!.textContent).toContain('安康日报');
    expect(rows[1]!.textContent).toContain('第2、3版');
    expect(rows[1]!.textContent).toContain('续篇 2 部分');
    expect(rows[1]!.textContent).toContain('93%');
    expect(el.querySelector('.column.left del')?.textContent).toContain('新华社北京电');
    expect(el.querySelectorAll('.column.right ins')).toHaveLength(0);

    const confirm = Array.from(el.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('确认同稿'),
    )!;
    confirm.click();
    const req = http.expectOne('/api/stories/7/confirm');
    expect(req.request.method).toBe('POST');
    req.flush({ ...detail, status: 'confirmed' });
    http.expectOne('/api/stories/7').flush({ ...detail, status: 'confirmed' });
    await fixture.whenStable();
    expect(el.textContent).toContain('已确认这一组同稿。');
    expect(el.querySelector('[data-testid="story-status"]')?.textContent).toContain('已确认');
  }, 30_000);

  it('hides the review actions from a viewer', async () => {
    start('viewer');
    fixture.componentRef.setInput('id', '7');
    await fixture.whenStable();
    http.expectOne('/api/stories/7').flush(detail);
    await fixture.whenStable();
    const labels = Array.from(el.querySelectorAll('button')).map((b) => b.textContent?.trim());
    expect(labels).not.toContain('确认同稿');
    expect(labels).toContain('对照');
  });

  const press = (key: string): void => {
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  };

  it('confirms with a and rejects the whole group with r (after asking); a viewer’s keys do nothing', async () => {
    start('editor');
    fixture.componentRef.setInput('id', '7');
    await fixture.whenStable();
    http.expectOne('/api/stories/7').flush(detail);
    await fixture.whenStable();
    press('a');
    http
      .expectOne({ method: 'POST', url: '/api/stories/7/confirm' })
      .flush({ ...detail, status: 'confirmed' });
    http.expectOne('/api/stories/7').flush({ ...detail, status: 'confirmed' });
    await fixture.whenStable();
    // Confirmed already: a has nothing left to do.
    press('a');
    http.expectNone('/api/stories/7/confirm');
    const ask = jest.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    press('r');
    http.expectNone('/api/stories/7/reject');
    press('r');
    expect(ask).toHaveBeenCalledWith('拒绝整组？这些稿件之间不会再被提出为同稿。');
    http.expectOne({ method: 'POST', url: '/api/stories/7/reject' }).flush({ group: null });
    await fixture.whenStable();
    expect(el.textContent).toContain('已拒绝');
    ask.mockRestore();
  }, 30_000);

  it('gives a viewer no review keys', async () => {
    start('viewer');
    fixture.componentRef.setInput('id', '7');
    await fixture.whenStable();
    http.expectOne('/api/stories/7').flush(detail);
    await fixture.whenStable();
    press('a');
    press('r');
    http.expectNone(() => true);
  });

  it('says so when the group is gone', async () => {
    start('editor');
    fixture.componentRef.setInput('id', '8');
    await fixture.whenStable();
    http
      .expectOne('/api/stories/8')
      .flush({ statusCode: 404, error: 'Not Found', message: 'x' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(el.textContent).toContain('这一组已不存在');
  });
});
