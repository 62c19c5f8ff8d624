import { compareStories, containment, intersectionSize, jaccard, judge } from './compare';
import { loadSampleClippings, type SampleClipping } from './sample-pages.testing';
import { shingles } from './shingles';

describe('set measures', () => {
  const a = Uint32Array.of(1, 2, 3, 4);
  const b = Uint32Array.of(3, 4, 5, 6, 7, 8, 9, 10);

  it('intersects sorted sets', () => {
    expect(intersectionSize(a, b)).toBe(2);
    expect(intersectionSize(a, new Uint32Array(0))).toBe(0);
  });

  it('containment is asymmetric, jaccard symmetric', () => {
    expect(containment(a, b)).toBe(0.5);
    expect(containment(b, a)).toBe(0.25);
    expect(jaccard(a, b)).toBeCloseTo(0.2);
    expect(jaccard(b, a)).toBeCloseTo(0.2);
    expect(containment(new Uint32Array(0), b)).toBe(0);
    expect(jaccard(new Uint32Array(0), new Uint32Array(0))).toBe(0);
  });

  it('judge uses the smaller set for containment and refuses tiny texts', () => {
    expect(judge(100, 300, 90).sameStory).toBe(true);
    expect(judge(100, 300, 90).containment).toBeCloseTo(0.9);
    expect(judge(300, 100, 40).sameStory).toBe(false);
    expect(judge(10, 300, 10).sameStory).toBe(false);
    expect(judge(10, 300, 10, { minShingles: 5 }).sameStory).toBe(true);
  });
});

describe('compareStories on the sample pages', () => {
  let clippings: SampleClipping[];
  const byRef = (ref: string) => clippings.find((c) => c.ref === ref)!;

  beforeAll(() => {
    clippings = loadSampleClippings();
  });

  it('recognises the tail-only Xinhua copy as the same story as the whole policy text', () => {
    const whole = byRef('000-policy');
    const tail = byRef('004-policy');
    expect(tail.body.startsWith('2000名左右大国工匠、10000名左右省级工匠')).toBe(true);
    expect(whole.body.length).toBeGreaterThan(tail.body.length);
    const r = compareStories(whole.body, tail.body);
    expect(r.sameStory).toBe(true);
    expect(r.containment).toBeGreaterThan(0.9); // a dozen words differ between the two prints
    expect(compareStories(tail.body, whole.body)).toEqual({ ...r, sizeA: r.sizeB, sizeB: r.sizeA });
  });

  it('recognises only the last third of the wire text, where Jaccard alone would not', () => {
    const whole = byRef('000-policy').body;
    const tail = byRef('004-policy').body;
    const lastThird = tail.slice(Math.floor(tail.length - whole.length / 3));
    const r = compareStories(whole, lastThird);
    expect(r.sameStory).toBe(true);
    expect(r.containment).toBeGreaterThan(0.9);
    expect(r.jaccard).toBeLessThan(0.4);
  });

  it('recognises a short excerpt (one section of the policy) as well', () => {
    const whole = byRef('000-policy').body;
    const tail = byRef('004-policy').body;
    const start = tail.indexOf('(十四)');
    const section = tail.slice(start, tail.indexOf('(十五)'));
    expect(section.length).toBeGreaterThan(200);
    expect(compareStories(section, whole).sameStory).toBe(true);
  });

  it('finds no other same-story pair among the articles of both pages', () => {
    const pairs: string[] = [];
    for (let i = 0; i < clippings.length; i++) {
      for (let j = i + 1; j < clippings.length; j++) {
        const a = clippings[i]!;
        const b = clippings[j]!;
        const r = compareStories(a.body, b.body);
        const expected = a.sameStoryAs.includes(b.ref);
        expect({ pair: `${a.ref}~${b.ref}`, same: r.sameStory }).toEqual({
          pair: `${a.ref}~${b.ref}`,
          same: expected,
        });
        if (!expected) expect(r.containment).toBeLessThan(0.1);
        if (r.sameStory) pairs.push(`${a.ref}~${b.ref}`);
      }
    }
    expect(pairs).toEqual(['000-policy~004-policy']);
  });

  it('is unaffected by the different line wraps of the two papers', () => {
    const raw =
      '主要目标是：通过深化产业工人队伍建\n设改革，思想政治引领更加扎实，产业工人\n听党话跟党走的信念更加坚定';
    const flat =
      '主要目标是：通过深化产业工人队伍建设改革，思想政治引领更加扎实，产业工人听党话跟党走的信念更加坚定';
    const r = compareStories(raw, flat);
    expect(r.containment).toBe(1);
    expect(r.jaccard).toBe(1);
  });

  it('accepts precomputed shingle sets', () => {
    const a = shingles(byRef('000-policy').body);
    const b = shingles(byRef('004-policy').body);
    expect(compareStories(a, b).sameStory).toBe(true);
  });
});
