import type { JumpRef } from '@jianbao/contracts';
import {
  type IssuePart,
  existingLinks,
  linkCandidates,
  pairKey,
  planLinks,
  toPartSummary,
} from './linking-plan';
import type { ContinuationDecision } from './matching';

const to2: JumpRef = { page: '2', label: null, marker: '（下转第二版）' };
const from1: JumpRef = { page: '1', label: null, marker: '（上接第一版）' };

function issuePart(id: number, extra: Partial<IssuePart> = {}): IssuePart {
  return {
    id,
    publicationId: 1,
    issueDate: '2024-10-22',
    pageLabel: '第一版',
    kind: 'article',
    title: null,
    kicker: null,
    body: '本报讯 今年以来，我市持续推进民生实事。',
    continuesFrom: null,
    continuesTo: null,
    previousPartId: null,
    nextPartId: null,
    ...extra,
  };
}

function decision(
  headId: number,
  tailId: number,
  extra: Partial<ContinuationDecision> = {},
): ContinuationDecision {
  return {
    headId,
    tailId,
    score: 0.9,
    reasons: ['page 1→2 markers agree'],
    decision: 'link',
    rank: 1,
    margin: 3,
    markers: 'agree',
    ...extra,
  };
}

describe('toPartSummary', () => {
  it('normalises the printed page label like a jump marker page', () => {
    expect(toPartSummary(issuePart(1, { pageLabel: '第二版' })).pageLabel).toBe('2');
    expect(toPartSummary(issuePart(1, { pageLabel: 'A3版' })).pageLabel).toBe('A3');
  });
});

describe('linkCandidates', () => {
  it('takes free heads (下转, or articles without any marker) and free tails (上接); a middle part is both', () => {
    const parts = [
      issuePart(1, { continuesTo: to2 }),
      issuePart(2, { continuesTo: to2, nextPartId: 9 }), // already continued
      issuePart(3), // no marker: may only be proposed
      issuePart(4, { kind: 'ad' }), // an ad without markers is never a head
      issuePart(5, { pageLabel: '2', continuesFrom: from1 }),
      issuePart(6, { pageLabel: '2', continuesFrom: from1, previousPartId: 8 }), // already has its head
      issuePart(7, {
        pageLabel: '2',
        continuesFrom: from1,
        continuesTo: { page: '3', label: null, marker: '（下转第三版）' },
      }),
    ];
    const { heads, tails } = linkCandidates(parts);
    expect(heads.map((p) => p.id)).toEqual([1, 3, 7]);
    expect(tails.map((p) => p.id)).toEqual([5, 7]);
  });
});

describe('existingLinks', () => {
  it('reads the links from the next pointers', () => {
    expect(existingLinks([issuePart(1, { nextPartId: 2 }), issuePart(2, { previousPartId: 1 })])).toEqual([
      { headId: 1, tailId: 2 },
    ]);
  });
});

describe('planLinks', () => {
  it('links sure pairs and keeps proposals between parts still free', () => {
    const plan = planLinks(
      [
        decision(1, 5),
        decision(3, 5, { decision: 'propose', rank: 2, score: 0.2 }),
        decision(3, 6, { decision: 'propose', score: 0.4 }),
      ],
      new Set(),
      [],
    );
    expect(plan.links.map((d) => pairKey(d.headId, d.tailId))).toEqual(['1→5']);
    expect(plan.proposals.map((d) => pairKey(d.headId, d.tailId))).toEqual(['3→6']);
  });

  it('never links or proposes a rejected pair', () => {
    const plan = planLinks(
      [decision(1, 5), decision(3, 6, { decision: 'propose' })],
      new Set(['1→5', '3→6']),
      [],
    );
    expect(plan).toEqual({ links: [], proposals: [] });
  });

  it('downgrades a link that would close a cycle to a proposal, saying why', () => {
    const plan = planLinks([decision(2, 1)], new Set(), [{ headId: 1, tailId: 2 }]);
    expect(plan.links).toEqual([]);
    expect(plan.proposals).toHaveLength(1);
    expect(plan.proposals[0]!.reasons.at(-1)).toMatch(/cycle/);
  });

  it('gives a head one tail only: the better-scored link wins, the other becomes a proposal', () => {
    const plan = planLinks([decision(1, 5, { score: 0.8 }), decision(1, 6, { score: 0.95 })], new Set(), []);
    expect(plan.links.map((d) => d.tailId)).toEqual([6]);
    expect(plan.proposals).toEqual([]); // head 1 is taken, so 1→5 is not proposed either
  });
});
