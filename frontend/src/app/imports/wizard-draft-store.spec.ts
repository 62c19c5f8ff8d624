import { TestBed } from '@angular/core/testing';
import { draftKey } from './wizard-draft';
import { WizardDraftStore } from './wizard-draft-store';

const draft = {
  savedAt: '2024-10-22T06:00:00.000Z',
  form: { text: '一行', publicationId: 1, issueDate: '2024-10-22', pageLabel: '2' },
  previewed: null,
  state: null,
  duplicate: null,
};

describe('WizardDraftStore', () => {
  let store: WizardDraftStore;

  beforeEach(() => {
    localStorage.clear();
    store = TestBed.inject(WizardDraftStore);
  });

  afterEach(() => jest.restoreAllMocks());

  it('keeps one draft per user and clears it', () => {
    expect(store.save(1, draft)).toBe(true);
    expect(store.load(1)).toEqual(draft);
    expect(store.load(2)).toBeNull();
    store.clear(1);
    expect(store.load(1)).toBeNull();
  });

  it('drops a stored value it cannot read back', () => {
    localStorage.setItem(draftKey(1), '{"v":1,"broken":');
    expect(store.load(1)).toBeNull();
    expect(localStorage.getItem(draftKey(1))).toBeNull();
  });

  it('answers false when the browser refuses to store it (quota)', () => {
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(store.save(1, draft)).toBe(false);
  });
});
