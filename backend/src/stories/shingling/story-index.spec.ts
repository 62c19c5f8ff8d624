import { compareStories } from './compare';
import { loadSampleClippings, type SampleClipping } from './sample-pages.testing';
import { StoryIndex } from './story-index';

/** Deterministic pseudo-Chinese text: random syllables from a small pool (unrelated texts share little). */
function fakeArticle(seed: number, length: number): string {
  const pool =
    '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
  let s = seed >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out += pool[s % pool.length];
    if (s % 17 === 0) out += '，';
  }
  return out;
}

describe('StoryIndex', () => {
  let clippings: SampleClipping[];
  const byRef = (ref: string) => clippings.find((c) => c.ref === ref)!;

  beforeAll(() => {
    clippings = loadSampleClippings();
  });

  it('finds the whole wire text for its tail-only copy, and nothing for unrelated articles', () => {
    const index = new StoryIndex<string>();
    for (const c of clippings) if (c.ref !== '004-policy') index.add(c.ref, c.body);
    const found = index.query(byRef('004-policy').body);
    expect(found.map((f) => f.id)).toEqual(['000-policy']);
    expect(found[0]!.likelySameStory).toBe(true);
    for (const c of clippings) {
      if (c.ref === '000-policy') continue;
      const hits = index.query(c.body, { excludeId: c.ref }).filter((h) => h.likelySameStory);
      expect({ ref: c.ref, hits: hits.map((h) => h.id) }).toEqual({
        ref: c.ref,
        hits: c.ref === '004-policy' ? ['000-policy'] : [],
      });
    }
  });

  it('finds the tail for the whole text too (containment is taken of the smaller)', () => {
    const index = new StoryIndex<string>();
    index.add('tail', byRef('004-policy').body);
    expect(index.query(byRef('000-policy').body).map((f) => f.id)).toEqual(['tail']);
  });

  it('supports stored signatures, removal and replacement', () => {
    const index = new StoryIndex<number>();
    const sig = index.sign(byRef('000-policy').body);
    expect(index.addSignature(1, sig)).toBe(true);
    expect(index.size).toBe(1);
    expect(index.querySignature(sig).map((f) => f.id)).toEqual([1]);
    expect(index.querySignature(sig, { excludeId: 1 })).toEqual([]);
    index.add(1, byRef('000-liangshan').body); // replaces
    expect(index.size).toBe(1);
    expect(index.query(byRef('004-policy').body)).toEqual([]);
    expect(index.remove(1)).toBe(false === index.has(1));
    expect(index.size).toBe(0);
    expect(index.remove(1)).toBe(false);
  });

  it('refuses texts too short to compare', () => {
    const index = new StoryIndex<number>();
    expect(index.add(1, '新华社北京10月21日电')).toBe(false);
    expect(index.size).toBe(0);
    expect(index.query('新华社北京10月21日电')).toEqual([]);
  });

  it('rejects a signature of the wrong length', () => {
    const index = new StoryIndex<number>();
    expect(() => index.addSignature(1, { signature: new Uint32Array(10), size: 100 })).toThrow(RangeError);
  });

  it('keeps recall and precision over many unrelated articles (LSH does not miss planted copies)', () => {
    const index = new StoryIndex<number>();
    const n = 3000;
    for (let i = 0; i < n; i++) index.add(i, fakeArticle(i + 1, 400 + (i % 7) * 150));
    let found = 0;
    let falseHits = 0;
    for (let i = 0; i < 100; i++) {
      const original = fakeArticle(i * 29 + 1, 400 + ((i * 29) % 7) * 150);
      // a tail-only copy: the last 40 %
      const copy = original.slice(Math.floor(original.length * 0.6));
      const hits = index.query(copy).filter((h) => h.likelySameStory);
      if (hits.some((h) => h.id === i * 29)) found++;
      falseHits += hits.filter((h) => h.id !== i * 29).length;
      if (i < 5) expect(compareStories(original, copy).sameStory).toBe(true);
    }
    expect(found).toBeGreaterThanOrEqual(97);
    expect(falseHits).toBe(0);
  });
});
