import { jump, part } from './fixtures.testing';
import { markerCompatibility, normalisePageLabel, resolveMarkerPage } from './page-refs';

describe('page labels', () => {
  it('normalises width, 第/版, case and leading zeros', () => {
    expect(normalisePageLabel('第０２版')).toBe('2');
    expect(normalisePageLabel('a03')).toBe('A3');
    expect(normalisePageLabel(' A3 ')).toBe('A3');
    expect(normalisePageLabel('10')).toBe('10');
  });

  it('a marker without edition letter inherits the letter of its page', () => {
    expect(resolveMarkerPage('2', 'A1')).toBe('A2');
    expect(resolveMarkerPage('B2', 'A1')).toBe('B2');
    expect(resolveMarkerPage('2', '1')).toBe('2');
  });

  it("a marker's own edition letter comes before its page's (`下转B3版` on A1: page 3, edition B)", () => {
    expect(resolveMarkerPage('3', 'A1', 'B')).toBe('B3');
    expect(resolveMarkerPage('3', 'A1', null)).toBe('A3');
  });
});

describe('markerCompatibility', () => {
  const h = part({ id: 'h', pageLabel: '1', body: '……', continuesTo: jump('2', null, '（下转第二版）') });
  const t = part({ id: 't', pageLabel: '2', body: '……', continuesFrom: jump('1', null, '（上接第一版）') });

  it('agrees when both markers name the other page', () => {
    expect(markerCompatibility(h, t)).toMatchObject({ ok: true, markers: 'agree', labelsAgree: null });
  });

  it('agrees across leading zeros: markers `（下转03版）` / `（上接01版）` on pages 1 and 3, or 01 and 03', () => {
    const h3 = { ...h, continuesTo: jump('03', null, '（下转03版）') };
    const t3 = { ...t, pageLabel: '3', continuesFrom: jump('01', null, '（上接01版）') };
    expect(markerCompatibility(h3, t3)).toMatchObject({ ok: true, markers: 'agree' });
    expect(markerCompatibility({ ...h3, pageLabel: '01' }, { ...t3, pageLabel: '03' })).toMatchObject({
      ok: true,
      markers: 'agree',
    });
  });

  it('links across editions only where the marker names the edition: `（下转B3版）` on A1 reaches B3, not A3', () => {
    const head = {
      ...h,
      pageLabel: 'A1',
      continuesTo: { page: '3', label: null, edition: 'B', marker: '（下转B3版）' },
    };
    const tail = { ...t, continuesFrom: null };
    expect(markerCompatibility(head, { ...tail, pageLabel: 'B3' })).toMatchObject({ ok: true });
    expect(markerCompatibility(head, { ...tail, pageLabel: 'A3' })).toMatchObject({
      ok: false,
      why: 'head continues on page B3, tail is on page A3',
    });
  });

  it('refuses a marker naming another page, different letters, or no markers', () => {
    expect(markerCompatibility({ ...h, continuesTo: jump('3') }, t)).toMatchObject({ ok: false });
    expect(markerCompatibility(h, { ...t, pageLabel: '3' })).toMatchObject({ ok: false });
    expect(
      markerCompatibility({ ...h, continuesTo: jump('2', 'A') }, { ...t, continuesFrom: jump('1', 'B') }),
    ).toMatchObject({ ok: false, why: 'labels differ: A vs B' });
    expect(markerCompatibility({ ...h, continuesTo: null }, { ...t, continuesFrom: null })).toMatchObject({
      ok: false,
    });
    expect(markerCompatibility(h, h)).toMatchObject({ ok: false, why: 'same part' });
  });

  it('one-sided when a marker is missing but the printed one fits', () => {
    expect(markerCompatibility({ ...h, continuesTo: null }, t)).toMatchObject({
      ok: true,
      markers: 'one-sided',
    });
    expect(markerCompatibility(h, { ...t, continuesFrom: null })).toMatchObject({
      ok: true,
      markers: 'one-sided',
    });
  });

  it('letters compare case-insensitively and are reported', () => {
    const r = markerCompatibility(
      { ...h, continuesTo: jump('2', 'a') },
      { ...t, continuesFrom: jump('1', 'A') },
    );
    expect(r).toMatchObject({ ok: true, labelsAgree: 'A' });
    expect(r.ok && r.reasons).toContain('label A');
  });

  it('publication ids compare by value whatever their type', () => {
    expect(markerCompatibility({ ...h, publicationId: 7 }, { ...t, publicationId: '7' })).toMatchObject({
      ok: true,
    });
  });
});
