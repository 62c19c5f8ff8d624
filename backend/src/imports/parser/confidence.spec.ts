import { BOUNDARY_CONFIDENCE, previewConfidence } from './confidence';
import { makeHeading } from './tokenise';
import type { SignalAtom } from './atoms';

const byline = (value: string): SignalAtom => ({
  t: 'signal',
  kind: 'byline',
  line: 0,
  value,
  ref: null,
  pos: 'start',
});

describe('how sure the parser is of a clipping', () => {
  it('takes the weaker of its two boundaries', () => {
    const c = previewConfidence('signal', 'column', null, false, []);
    expect(c.boundary).toBe(BOUNDARY_CONFIDENCE.column);
    expect(previewConfidence('page', 'signal', null, false, []).boundary).toBe(0.95);
  });

  it('uses the headline model’s probability for a title, and doubts a missing one except on a tail', () => {
    const h = makeHeading([{ line: 0, text: '全国秋收秋种稳步推进', gapBefore: false }]);
    h.titleScore = 0.63;
    expect(previewConfidence('signal', 'signal', h, false, []).title).toBe(0.63);
    h.titleScore = 0.05;
    expect(previewConfidence('signal', 'signal', h, false, []).title).toBe(0.4);
    expect(previewConfidence('signal', 'signal', null, true, []).title).toBeGreaterThan(
      previewConfidence('signal', 'signal', null, false, []).title,
    );
  });

  it('is surest of a credit with a role and names, less of bare names', () => {
    const full = previewConfidence('signal', 'signal', null, false, [byline('本报记者 鲍童')]).byline;
    const bare = previewConfidence('signal', 'signal', null, false, [byline('常  晋')]).byline;
    expect(full).toBeGreaterThan(bare);
  });
});
