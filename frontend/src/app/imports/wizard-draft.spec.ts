import type { ImportPreview } from '@jianbao/contracts';
import { type WizardDraft, draftKey, isWorthKeeping, parseDraft, serializeDraft } from './wizard-draft';
import { fromPreview, setField } from './wizard-ops';

const TEXT = '全国秋收秋种稳步推进\n目前，全国秋收秋种正稳步推进。';
const PREVIEW: ImportPreview = {
  clippings: [
    {
      kind: 'article',
      kicker: null,
      title: '全国秋收秋种稳步推进',
      subtitle: null,
      byline: null,
      dateline: null,
      body: '目前，全国秋收秋种正稳步推进。',
      subheads: [],
      continuesFrom: null,
      continuesTo: null,
      regions: [],
      tags: [],
      lines: [
        { line: 0, role: 'title' },
        { line: 1, role: 'body' },
      ],
      confidence: { boundary: 0.95, title: 0.9, byline: 0.9 },
    },
  ],
  unassigned: [],
  unassignedLines: [],
};

function draft(overrides: Partial<WizardDraft> = {}): WizardDraft {
  const state = setField(fromPreview(TEXT, PREVIEW), 1, 'title', '编辑改过的标题');
  return {
    savedAt: '2024-10-22T06:00:00.000Z',
    form: { text: TEXT, publicationId: 3, issueDate: '2024-10-22', pageLabel: '2' },
    previewed: { text: TEXT, publicationId: 3, issueDate: '2024-10-22', pageLabel: '2' },
    state,
    duplicate: null,
    ...overrides,
  };
}

describe('wizard draft', () => {
  it('round-trips the form, the previewed request and the corrections', () => {
    const d = draft();
    const back = parseDraft(serializeDraft(d));
    expect(back).toEqual(d);
    expect(back?.state?.clippings[0]?.title).toBe('编辑改过的标题');
  });

  it('stores the page text once when the form still holds the previewed text', () => {
    const json = serializeDraft(draft());
    expect(json.split('全国秋收秋种正稳步推进').length - 1).toBe(2); // form text + the clipping's body
    const edited = draft({ form: { ...draft().form, text: `${TEXT}\n补一行` } });
    expect(parseDraft(serializeDraft(edited))?.previewed?.text).toBe(TEXT);
  });

  it('reads nothing back from a missing, broken or foreign value', () => {
    expect(parseDraft(null)).toBeNull();
    expect(parseDraft('{not json')).toBeNull();
    expect(parseDraft(JSON.stringify({ v: 99 }))).toBeNull();
    expect(parseDraft(JSON.stringify({ v: 1, savedAt: 'x', form: { text: 1 } }))).toBeNull();
  });

  it('keeps a draft only when something was typed or previewed', () => {
    const empty = { text: ' ', publicationId: 3, issueDate: '', pageLabel: '' };
    expect(isWorthKeeping({ form: empty, state: null })).toBe(false);
    expect(isWorthKeeping({ form: { ...empty, text: '一行' }, state: null })).toBe(true);
  });

  it('keys drafts by user', () => {
    expect(draftKey(7)).toBe('jianbao.importDraft.7');
    expect(draftKey(null)).not.toBe(draftKey(7));
  });
});
