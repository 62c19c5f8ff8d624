import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Region } from '@jianbao/contracts';
import { RegionPicker, matchRegion, regionOptionLabel } from './region-picker';

const region = (id: number, name: string, code: string): Region => ({
  id,
  name,
  code,
  level: 'county',
  parentId: 2,
});

describe('matchRegion', () => {
  const options = [
    region(1, '梁山县', '370832'),
    region(2, '鼓楼区', '320106'),
    region(3, '鼓楼区', '350102'),
  ];

  it('matches the full option label first', () => {
    expect(matchRegion(options, regionOptionLabel(options[2]!))?.id).toBe(3);
    expect(matchRegion(options, ' 梁山县（370832） ', true)?.id).toBe(1);
  });

  it('accepts an unambiguous name or a code unless only labels are allowed', () => {
    expect(matchRegion(options, '梁山县')?.id).toBe(1);
    expect(matchRegion(options, '350102')?.id).toBe(3);
    expect(matchRegion(options, '鼓楼区')).toBeNull();
    expect(matchRegion(options, '梁山县', true)).toBeNull();
    expect(matchRegion(options, '')).toBeNull();
  });
});

describe('RegionPicker', () => {
  it('searches as you type and emits the region chosen with Enter', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(RegionPicker);
    fixture.componentRef.setInput('inputId', 'rp');
    const picked: Region[] = [];
    fixture.componentInstance.picked.subscribe((r) => picked.push(r));
    await fixture.whenStable();

    const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('#rp')!;
    input.value = '梁山';
    input.dispatchEvent(new InputEvent('input', { inputType: 'insertText' }));
    await new Promise((r) => setTimeout(r, 250));
    const req = http.expectOne((r) => r.url === '/api/regions');
    expect(req.request.params.get('q')).toBe('梁山');
    req.flush({ items: [region(1, '梁山县', '370832')], total: 1, page: 1, pageSize: 20 });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelectorAll('option')).toHaveLength(1);

    input.value = '梁山县';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(picked.map((r) => r.code)).toEqual(['370832']);
    expect(input.value).toBe('');
    http.verify();
  });
});
