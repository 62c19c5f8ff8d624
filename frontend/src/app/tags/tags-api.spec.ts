import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TagsApi } from './tags-api';

describe('TagsApi', () => {
  let api: TagsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(TagsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('accepts a bare array or a page from GET /api/tags', () => {
    const seen: number[] = [];
    api.list().subscribe((tags) => seen.push(tags.length));
    api.list().subscribe((tags) => seen.push(tags.length));
    const [a, b] = http.match('/api/tags');
    a!.flush([{ id: 1 }]);
    b!.flush({ items: [{ id: 1 }, { id: 2 }], total: 2, page: 1, pageSize: 50 });
    expect(seen).toEqual([1, 2]);
  });

  it('sends the delete mode as ?clippings=', () => {
    api.remove(3, 'moveToParent').subscribe();
    const req = http.expectOne((r) => r.url === '/api/tags/3');
    expect(req.request.method).toBe('DELETE');
    expect(req.request.params.get('clippings')).toBe('moveToParent');
    req.flush(null);
  });

  it('merges, previews and applies with the contract bodies', () => {
    api.merge(3, 7).subscribe();
    const merge = http.expectOne('/api/tags/3/merge');
    expect(merge.request.body).toEqual({ intoId: 7 });
    merge.flush({});

    api.previewRule({ mode: 'any', terms: ['明信片'] }).subscribe();
    const preview = http.expectOne('/api/tags/rules/preview');
    expect(preview.request.body).toEqual({ rule: { mode: 'any', terms: ['明信片'] } });
    preview.flush({ matched: 0, added: 0, sample: [] });

    api.applyRule(3, true).subscribe();
    const apply = http.expectOne('/api/tags/3/apply');
    expect(apply.request.body).toEqual({ dryRun: true });
    apply.flush({ matched: 2, added: 0, sample: [] });
  });
});
