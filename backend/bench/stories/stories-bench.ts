/**
 * `npm run bench -- --stories`: same-story checking at scale, in memory with the pure core (the same
 * shingles, MinHash signature and LSH band keys the SQL index stores). Each new clipping is checked
 * against every earlier one — LSH candidates, the best 50 confirmed on their real texts with
 * `compareStories`, as filing does — then added. Timed: the checks of the last clippings (index near
 * `size`). Recall: on the first `sample` clippings, every pair an exhaustive exact comparison finds at
 * containment ≥ 0.8 must have been found when its later clipping was checked.
 */
import { loadavg } from 'node:os';
import {
  compareStories,
  DEFAULT_MIN_SHINGLES,
  intersectionSize,
  shingles,
  StoryIndex,
} from '../../src/stories/shingling';
import { mulberry } from '../search/search-corpus';
import { table } from '../table';
import { storyCorpus } from './story-corpus';

/** Candidates confirmed per check (as `StoryGroupsService`). */
const MAX_CANDIDATES = 50;
const TARGET_P95_MS = 5;
const TARGET_RECALL = 0.98;
const RECALL_CONTAINMENT = 0.8;

export interface StoriesBenchReport {
  size: number;
  sample: number;
  timed: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** CPU time of the check (user + system): what the wall time is once the scheduler's share of a loaded machine is left out. */
  cpuP50Ms: number;
  cpuP95Ms: number;
  pairs: number;
  found: number;
  recall: number;
  falseMatches: number;
  buildSeconds: number;
  loadAverage: number[];
  meetsTargets: boolean;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Exact containment of every pair of `texts` (smaller in larger) at or above `min`, through an inverted index of shingles. */
export function exhaustivePairs(texts: readonly string[], min: number): Array<[number, number, number]> {
  const sets = texts.map((t) => shingles(t));
  const postings = new Map<number, number[]>();
  sets.forEach((set, doc) => {
    for (const s of set) {
      const list = postings.get(s);
      if (list) list.push(doc);
      else postings.set(s, [doc]);
    }
  });
  const out: Array<[number, number, number]> = [];
  const counts = new Map<number, number>();
  for (let a = 0; a < sets.length; a++) {
    counts.clear();
    for (const s of sets[a]!) {
      for (const b of postings.get(s)!) if (b > a) counts.set(b, (counts.get(b) ?? 0) + 1);
    }
    for (const [b, inter] of counts) {
      const small = Math.min(sets[a]!.length, sets[b]!.length);
      if (small < DEFAULT_MIN_SHINGLES) continue;
      const c = inter / small;
      if (c >= min) out.push([a, b, c]);
    }
  }
  return out;
}

export function runStoriesBench(opts: {
  size: number;
  sample: number;
  timed: number;
  log: (line: string) => void;
}): StoriesBenchReport {
  const started = Date.now();
  const texts = storyCorpus(opts.size, mulberry(0x5107));
  opts.log(`stories bench: ${opts.size} clippings generated`);
  const index = new StoryIndex<number>();
  const found = new Set<string>();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let falseMatches = 0;
  const timedFrom = opts.size - opts.timed;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const mine = shingles(text);
    const candidates = index.query(text, { limit: MAX_CANDIDATES });
    const matches: number[] = [];
    for (const c of candidates) {
      const result = compareStories(mine, shingles(texts[c.id]!));
      if (result.sameStory) matches.push(c.id);
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    if (i >= timedFrom) {
      times.push(ms);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
    if (i < opts.sample) {
      for (const m of matches) {
        if (m < opts.sample) found.add(`${m}|${i}`);
        // A confirmed match is exact by construction; count any below the threshold as false.
        const other = shingles(texts[m]!);
        const inter = intersectionSize(mine, other);
        if (inter / Math.min(mine.length, other.length) < 0.5) falseMatches++;
      }
    }
    index.add(i, text);
    if ((i + 1) % 20000 === 0) opts.log(`stories bench: ${i + 1} indexed`);
  }
  const buildSeconds = (Date.now() - started) / 1000;
  const pairs = exhaustivePairs(texts.slice(0, opts.sample), RECALL_CONTAINMENT);
  const hits = pairs.filter(([a, b]) => found.has(`${a}|${b}`)).length;
  const sorted = [...times].sort((a, b) => a - b);
  const cpuSorted = [...cpuTimes].sort((a, b) => a - b);
  const recall = pairs.length === 0 ? 1 : hits / pairs.length;
  const p95Ms = percentile(sorted, 0.95);
  return {
    size: opts.size,
    sample: opts.sample,
    timed: times.length,
    p50Ms: percentile(sorted, 0.5),
    p95Ms,
    maxMs: sorted[sorted.length - 1] ?? 0,
    cpuP50Ms: percentile(cpuSorted, 0.5),
    cpuP95Ms: percentile(cpuSorted, 0.95),
    pairs: pairs.length,
    found: hits,
    recall,
    falseMatches,
    buildSeconds,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    meetsTargets: p95Ms <= TARGET_P95_MS && recall >= TARGET_RECALL && pairs.length > 0,
  };
}

export function formatStoriesReport(r: StoriesBenchReport): string {
  return (
    table(
      `Same story at ${r.size} clippings (load average ${r.loadAverage.join(' / ')}; built and checked in ${r.buildSeconds.toFixed(0)} s)`,
      ['measure', 'value', 'target'],
      [
        [`check one new clipping, p50 (last ${r.timed})`, `${r.p50Ms.toFixed(2)} ms`, ''],
        [
          `check one new clipping, p95 (last ${r.timed})`,
          `${r.p95Ms.toFixed(2)} ms`,
          `<= ${TARGET_P95_MS} ms`,
        ],
        ['check one new clipping, max', `${r.maxMs.toFixed(2)} ms`, ''],
        ['check one new clipping, CPU time p50', `${r.cpuP50Ms.toFixed(2)} ms`, ''],
        ['check one new clipping, CPU time p95', `${r.cpuP95Ms.toFixed(2)} ms`, ''],
        [
          `pairs >= ${RECALL_CONTAINMENT} containment in the first ${r.sample} (exhaustive)`,
          String(r.pairs),
          '',
        ],
        ['of them found when the later one was checked', String(r.found), ''],
        ['recall', `${(r.recall * 100).toFixed(2)} %`, `>= ${TARGET_RECALL * 100} %`],
        ['confirmed matches below 0.5 containment', String(r.falseMatches), '0'],
      ],
    ) + `${r.meetsTargets ? 'targets met' : 'TARGETS MISSED'}\n`
  );
}
