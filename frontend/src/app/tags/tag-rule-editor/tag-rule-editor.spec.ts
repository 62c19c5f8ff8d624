import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { Tag } from '@jianbao/contracts';
import { I18n } from '../../shared/i18n/i18n';
import { RULE_PREVIEW_DEBOUNCE, TagRuleEditor } from './tag-rule-editor';

const tag = (rule: Tag['rule'] = null): Tag => ({
  id: 7,
  name: '明信片',
  parentId: null,
  color: '#b4232a',
  description: null,
  rule,
  createdAt: '',
  updatedAt: '',
});

describe('TagRuleEditor', () => {
  let fixture: ComponentFixture<TagRuleEditor>;
  let http: HttpTestingController;
  let el: HTMLElement;

  const settle = async (): Promise<void> => {
    await fixture.whenStable();
    await new Promise((r) => setTimeout(r, 0));
    await fixture.whenStable();
  };
  const q = <T extends HTMLElement>(sel: string): T => {
    const found = el.querySelector<T>(sel);
    if (!found) throw new Error(`no ${sel}`);
    return found;
  };
  const type = async (sel: string, value: string): Promise<void> => {
    const input = q<HTMLInputElement | HTMLTextAreaElement>(sel);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle();
  };
  const button = (text: string): HTMLButtonElement => {
    const found = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.includes(text));
    if (!found) throw new Error(`no button ${text}`);
    return found;
  };

  async function create(t: Tag): Promise<void> {
    fixture = TestBed.createComponent(TagRuleEditor);
    fixture.componentRef.setInput('tag', t);
    el = fixture.nativeElement as HTMLElement;
    await settle();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RULE_PREVIEW_DEBOUNCE, useValue: 0 },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
  });

  afterEach(() => http.verify());

  it('previews "would match N" with sample titles as terms are typed', async () => {
    await create(tag());
    expect(q('[data-testid=rule-preview]').textContent).toContain('填写关键词后');
    await type('#rule-7-terms', '明信片\n文明');
    const req = http.expectOne('/api/tags/rules/preview');
    expect(req.request.body).toEqual({
      rule: { mode: 'any', terms: ['明信片', '文明'], caseSensitive: false },
    });
    req.flush({
      matched: 12,
      added: 0,
      sample: [
        { id: 1, title: '梁山小小明信片倡树大文明', excerpt: '…' },
        { id: 2, title: null, excerpt: '本报讯' },
      ],
    });
    await settle();
    const preview = q('[data-testid=rule-preview]').textContent!;
    expect(preview).toContain('将匹配 12 条剪报');
    expect(preview).toContain('梁山小小明信片倡树大文明');
    expect(preview).toContain('本报讯');
  });

  it('shows the server message for an invalid regex beside the pattern field', async () => {
    await create(tag());
    const mode = q<HTMLSelectElement>('#rule-7-mode');
    mode.value = 'regex';
    mode.dispatchEvent(new Event('change'));
    await settle();
    await type('#rule-7-pattern', '梁山(');
    const req = http.expectOne('/api/tags/rules/preview');
    expect(req.request.body.rule).toEqual({
      mode: 'regex',
      terms: [],
      pattern: '梁山(',
      caseSensitive: false,
    });
    req.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        details: [{ field: 'rule.pattern', errors: ['Invalid regular expression: missing )'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(q('#rule-7-pattern').getAttribute('aria-invalid')).toBe('true');
    expect(q('#rule-7-pattern-err').textContent).toContain('missing )');
  });

  it('saves the rule with PATCH and emits the saved tag', async () => {
    await create(tag());
    const saved: Tag[] = [];
    fixture.componentInstance.saved.subscribe((t) => saved.push(t));
    await type('#rule-7-terms', '明信片');
    http.expectOne('/api/tags/rules/preview').flush({ matched: 1, added: 0, sample: [] });
    button('保存规则').click();
    const req = http.expectOne({ method: 'PATCH', url: '/api/tags/7' });
    expect(req.request.body).toEqual({ rule: { mode: 'any', terms: ['明信片'], caseSensitive: false } });
    const updated = tag({ mode: 'any', terms: ['明信片'], caseSensitive: false });
    req.flush(updated);
    await settle();
    expect(saved).toEqual([updated]);
    expect(el.textContent).toContain('规则已保存');
  });

  it('applies to existing clippings only after a dry-run count and a confirmation', async () => {
    await create(tag({ mode: 'any', terms: ['明信片'] }));
    http.expectOne('/api/tags/rules/preview').flush({ matched: 4, added: 0, sample: [] });
    await settle();

    button('应用到已有剪报').click();
    const dry = http.expectOne('/api/tags/7/apply');
    expect(dry.request.body).toEqual({ dryRun: true });
    dry.flush({ matched: 4, added: 0, sample: [] });
    await settle();
    expect(el.textContent).toContain('将为 4 条剪报加上标签“明信片”');
    http.expectNone('/api/tags/7/apply');

    const clock = jest.spyOn(Date, 'now').mockReturnValue(5_000_000);
    button('确认应用').click();
    const real = http.expectOne('/api/tags/7/apply');
    expect(real.request.body).toEqual({ dryRun: false });
    await settle();
    const progress = el.querySelector<HTMLElement>('[data-testid="rule-progress"]')!;
    expect(progress.textContent).toContain('正在处理 4 条剪报…');
    expect(progress.textContent).toContain('已用 0 秒');
    clock.mockReturnValue(5_125_000);
    real.flush({ matched: 4, added: 3, sample: [] });
    await settle();
    clock.mockRestore();
    expect(el.textContent).toContain('已为 3 条剪报加上标签。 用时 2 分 05 秒。');
  });

  it('will not apply an unsaved draft', async () => {
    await create(tag({ mode: 'any', terms: ['明信片'] }));
    http.expectOne('/api/tags/rules/preview').flush({ matched: 4, added: 0, sample: [] });
    await type('#rule-7-terms', '明信片\n贺卡');
    http.expectOne('/api/tags/rules/preview').flush({ matched: 5, added: 0, sample: [] });
    await settle();
    expect(button('应用到已有剪报').disabled).toBe(true);
    expect(el.textContent).toContain('请先保存规则再应用');
  });
});
