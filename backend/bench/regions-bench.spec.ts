import { regionsBench } from './regions-bench';

describe('regionsBench', () => {
  it('seeds the gazetteer and clippings, then times the tree at the root, 山东省 and 济宁市', async () => {
    const out = await regionsBench({ pages: 2 });
    expect(out).toContain('Region tree counts over 200 clippings');
    for (const level of ['root', 'Shandong 370000', 'Jining 370800']) expect(out).toContain(level);
  }, 60_000);
});
