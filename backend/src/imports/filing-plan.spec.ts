import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRegionMatcher } from '../regions/gazetteer';
import { draftsFromEdited, draftsFromPreview } from './filing-plan';
import { pageLines } from './page-text';
import { parsePage } from './parser/page-parser';
import { withRegions } from './preview-regions';

const JINING = readFileSync(
  join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'pages', '000_7bc5541b3fe100b2.txt'),
  'utf8',
);

describe('draftsFromPreview', () => {
  const matcher = defaultRegionMatcher();
  const preview = withRegions(parsePage(JINING), matcher, '370800');
  const drafts = draftsFromPreview(preview, pageLines(JINING));

  it('one draft per proposed clipping, fields as proposed, detected regions as rule links', () => {
    expect(drafts).toHaveLength(preview.clippings.length);
    preview.clippings.forEach((c, i) => {
      expect(drafts[i]).toMatchObject({
        kind: c.kind,
        title: c.title,
        body: c.body,
        subheads: c.subheads,
        continuesFrom: c.continuesFrom,
        regionCodes: c.regions.map((r) => r.code),
        regionSource: 'rule',
        tagIds: [],
      });
    });
    expect(drafts.find((d) => d.title === '小小明信片倡树大文明')?.regionCodes).toContain('370832');
  });

  it('raw text is the clipping’s own source lines, in page order', () => {
    const lines = pageLines(JINING);
    preview.clippings.forEach((c, i) => {
      const own = [...new Set(c.lines.map((l) => l.line))].sort((a, b) => a - b).map((n) => lines[n]);
      expect(drafts[i]?.rawText).toBe(own.join('\n'));
    });
  });
});

describe('draftsFromEdited', () => {
  const matcher = defaultRegionMatcher();
  const lines = ['标题', '正文一', '正文二'];

  it('files fields as given; manual regions when given, detection otherwise', () => {
    const drafts = draftsFromEdited(
      [
        {
          kind: 'brief',
          title: '标题',
          body: '梁山县讯。',
          regionCodes: ['610923', '610923'],
          tagIds: [3, 3],
          lines: [2, 0],
        },
        { kind: 'article', body: '梁山县举办丰收节。' },
      ],
      lines,
      matcher,
      '370800',
    );
    expect(drafts[0]).toMatchObject({
      kind: 'brief',
      title: '标题',
      kicker: null,
      subheads: [],
      continuesFrom: null,
      rawText: '标题\n正文二',
      regionCodes: ['610923'],
      regionSource: 'manual',
      tagIds: [3],
    });
    expect(drafts[1]).toMatchObject({
      title: null,
      rawText: null,
      regionSource: 'rule',
      regionCodes: ['370832'],
    });
  });

  it('an explicit empty regionCodes means no regions (manual), not detection', () => {
    const [d] = draftsFromEdited(
      [{ kind: 'article', body: '梁山县。', regionCodes: [] }],
      lines,
      matcher,
      null,
    );
    expect(d).toMatchObject({ regionCodes: [], regionSource: 'manual' });
  });
});
