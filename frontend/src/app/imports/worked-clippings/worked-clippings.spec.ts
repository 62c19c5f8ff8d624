import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { WorkedClipping } from '@jianbao/contracts';
import { I18n } from '../../shared/i18n/i18n';
import { WorkedClippings } from './worked-clippings';

const worked = (id: number, match: number | null, title: string | null): WorkedClipping => ({
  clipping: {
    id,
    publicationId: 1,
    publicationName: '安康日报',
    issueDate: '2024-10-22',
    pageLabel: '2',
    kind: 'article',
    title,
    excerpt: '本报讯 汉江生态经济带建设稳步推进。',
  },
  work: {
    fields: [],
    status: 'reviewed',
    tagsAdded: [],
    tagsRemoved: [],
    regionsAdded: [],
    regionsRemoved: [],
    links: [],
    editors: [],
    changedAt: null,
  },
  match,
  matchedBy: match === null ? null : 'title',
});

describe('WorkedClippings', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [WorkedClippings], providers: [provideRouter([])] });
    TestBed.inject(I18n).setLang('zh-CN');
  });

  it('links each clipping and says what was done and where its work goes', async () => {
    const fixture = TestBed.createComponent(WorkedClippings);
    fixture.componentRef.setInput('worked', [worked(5, 1, '标题甲'), worked(6, null, null)]);
    await fixture.whenStable();
    const items = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('li'));
    expect(items).toHaveLength(2);
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe('/clippings/5');
    expect(items[0]?.textContent).toContain('#5 · 2024-10-22 · 版面 2');
    expect(items[0]?.textContent).toContain('标为“已审”');
    expect(items[0]?.textContent).toContain('→ 剪报 2（标题相同）');
    // No title: the start of the body names it.
    expect(items[1]?.querySelector('a')?.textContent).toContain('本报讯 汉江生态经济带');
    expect(items[1]?.textContent).toContain('没有对应的新剪报');

    fixture.componentRef.setInput('mode', 'keep');
    await fixture.whenStable();
    expect(items[0]?.textContent).toContain('保留原剪报，对应的剪报 2 不归档');
  });
});
