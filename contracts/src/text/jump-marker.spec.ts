import fc from 'fast-check';
import { findJumpMarkers, jumpTargetPage, parseJumpMarker, stripJumpMarkers } from './jump-marker';

describe('parseJumpMarker', () => {
  it.each([
    ['（上接1版A）', 'from', '1', 'A', null],
    ['(上接一版)', 'from', '1', null, null],
    ['（上接第一版）', 'from', '1', null, null],
    ['（下转第三版）', 'to', '3', null, null],
    ['下转A3版', 'to', '3', null, 'A'],
    ['转第2版', 'to', '2', null, null],
    ['（紧接第1版）', 'from', '1', null, null],
    ['（接第一版）', 'from', '1', null, null],
    ['(下转第A4版)', 'to', '4', null, 'A'],
    ['（上接第十二版B）', 'from', '12', 'B', null],
    ['［上接１版Ｃ］', 'from', '1', 'C', null],
    ['（下转第二版②）', 'to', '2', '②', null],
    ['上接第一版①', 'from', '1', '①', null],
  ])('%s', (marker, direction, page, label, edition) => {
    const ref = edition ? { page, label, edition, marker } : { page, label, marker };
    expect(parseJumpMarker(marker)).toEqual({ direction, ref });
  });

  it('a bare 转A2版 is a marker only alone on its line or closing a sentence', () => {
    expect(parseJumpMarker('转A2版')).toEqual({
      direction: 'to',
      ref: { page: '2', label: null, edition: 'A', marker: '转A2版' },
    });
    expect(findJumpMarkers('涵盖数字文旅等领域。转A2版')).toHaveLength(1);
    expect(findJumpMarkers('资金转3版面设计')).toHaveLength(0);
    expect(findJumpMarkers('他们转2版后')).toHaveLength(0);
  });

  it('rejects ordinary prose', () => {
    expect(parseJumpMarker('转发了第二版文件')).toBeNull();
    expect(parseJumpMarker('迎接新版本')).toBeNull();
  });
});

describe('findJumpMarkers', () => {
  it('finds a marker glued to the start of body text', () => {
    const [m] = findJumpMarkers('（上接1版A）清风扬帆，锻造忠诚廉洁的青年干');
    expect(m).toMatchObject({
      direction: 'from',
      start: 0,
      ref: { page: '1', label: 'A', marker: '（上接1版A）' },
    });
    expect(m?.end).toBe('（上接1版A）'.length);
  });

  it('finds a marker glued mid-sentence at the end of a line', () => {
    const line = '推动经济社会高质量（下转第三版）';
    const [m] = findJumpMarkers(line);
    expect(m?.ref).toEqual({ page: '3', label: null, marker: '（下转第三版）' });
    expect(line.slice(0, m?.start)).toBe('推动经济社会高质量');
  });

  it('reads a page number printed with a leading zero as a number (`03` → `3`), the marker kept as printed', () => {
    expect(findJumpMarkers('（下转03版）')[0]?.ref).toEqual({
      page: '3',
      label: null,
      marker: '（下转03版）',
    });
    expect(findJumpMarkers('（上接０１版）')[0]?.ref.page).toBe('1');
    expect(findJumpMarkers('（下转第三版）')[0]?.ref.page).toBe('3');
    // an edition's letter is kept apart from the number
    expect(findJumpMarkers('（下转A03版）')[0]?.ref).toEqual({
      page: '3',
      label: null,
      edition: 'A',
      marker: '（下转A03版）',
    });
    expect(findJumpMarkers('（上接ａ01版）')[0]?.ref).toMatchObject({ page: '1', edition: 'A' });
    // a letter printed after the number inside the label stays on it
    expect(findJumpMarkers('（下转3A版）')[0]?.ref).toMatchObject({ page: '3A', label: null });
  });

  it('names the page a marker points to with its edition (jumpTargetPage)', () => {
    expect(jumpTargetPage(findJumpMarkers('（下转B03版）')[0]!.ref)).toBe('B3');
    expect(jumpTargetPage(findJumpMarkers('（下转第三版）')[0]!.ref)).toBe('3');
  });

  it('finds an unbracketed marker and both directions on one line', () => {
    const found = findJumpMarkers('(上接第2版)今年以来成绩显著，下转A3版');
    expect(found.map((m) => [m.direction, m.ref.page, m.ref.edition ?? ''])).toEqual([
      ['from', '2', ''],
      ['to', '3', 'A'],
    ]);
  });

  it('takes the arrows some papers print before an unbracketed marker as part of it (`》》》下转02版`)', () => {
    expect(findJumpMarkers('》》》下转02版')[0]).toMatchObject({
      direction: 'to',
      start: 0,
      ref: { page: '2', marker: '》》》下转02版' },
    });
    expect(parseJumpMarker('　　》》》上接01版')).toMatchObject({
      direction: 'from',
      ref: { page: '1', marker: '》》》上接01版' },
    });
    expect(stripJumpMarkers('》》》下转02版')).toBe('');
  });

  it('does not swallow the first letter of a following Latin word as a label', () => {
    expect(findJumpMarkers('（下转3版）AEO认证')[0]?.ref.label).toBeNull();
    expect(findJumpMarkers('下转3版 AEO认证')[0]?.ref.label).toBeNull();
  });

  it('normalises any generated marker to an Arabic page number and its edition letter apart', () => {
    const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        fc.constantFrom('', 'A', 'B'),
        fc.constantFrom('', 'A', 'C'),
        fc.constantFrom(['（', '）'], ['(', ')'], ['', '']),
        fc.boolean(),
        fc.constantFrom('上接', '下转'),
        (n, chinese, edition, label, [open, close], di, word) => {
          const num = chinese && edition === '' ? (cn[n - 1] ?? '') : String(n);
          const marker = `${open}${word}${di ? '第' : ''}${edition}${num}版${label}${close}`;
          const found = findJumpMarkers(`文字${marker}文字`);
          expect(found).toHaveLength(1);
          expect(found[0]?.ref.page).toBe(String(n));
          expect(found[0]?.ref.edition ?? '').toBe(edition);
          expect(found[0]?.ref.label).toBe(label === '' ? null : label);
          expect(found[0]?.direction).toBe(word === '上接' ? 'from' : 'to');
        },
      ),
    );
  });
});
