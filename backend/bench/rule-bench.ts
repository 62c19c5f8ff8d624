/**
 * Micro-benchmark for tag rules, for `npm run bench`: applies one compiled rule per mode to `n`
 * synthetic clippings of ~1,000 characters and reports the time. The texts are generated
 * deterministically (seeded PRNG) from Chinese newspaper vocabulary with some Latin tokens; a pool of
 * 2,000 distinct texts is cycled to keep memory flat (100,000 × 1,000 UTF-16 chars would be 200 MB).
 */
import { compileRuleOrThrow, type TagRule } from '../src/tags/rules/rule-matcher';

export interface RuleBenchResult {
  mode: TagRule['mode'];
  rule: string;
  clippings: number;
  ms: number;
  /** Microseconds per clipping. */
  usPerClipping: number;
  matched: number;
}

const VOCABULARY = [
  '产业工人',
  '队伍建设',
  '改革',
  '乡村振兴',
  '高质量发展',
  '移风易俗',
  '文明实践',
  '志愿者',
  '社区',
  '街道',
  '人大代表',
  '监督',
  '民生实事',
  '交通安全',
  '校园',
  '护学岗',
  '高铁',
  '开通运营',
  '秋收秋种',
  '粮食',
  '科技创新',
  '企业',
  '金融服务',
  '营商环境',
  '消费品以旧换新',
  '展销活动',
  '农业农村',
  '合作社',
  '地瓜',
  '甘薯',
  '海关',
  '认证',
  '进出口',
  '出口',
  '同比增长',
  '记者',
  '通讯员',
  '近日',
  '今年以来',
  '目前',
  '同时',
  '积极',
  '推进',
  '加强',
  '完善',
  '机制',
  '群众',
  '满意度',
  '工作',
  '落实',
  'AI',
  'AEO',
  'G9227',
  '5G',
  '数字化',
];
const PUNCT = ['，', '。', '、', '；', '“', '”', '\n'];

function makeRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

/** Deterministic pool of synthetic clipping texts of about `length` characters. */
export function syntheticClippings(count: number, length = 1000, seed = 42): string[] {
  const rnd = makeRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let t = '';
    while (t.length < length) {
      t += VOCABULARY[Math.floor(rnd() * VOCABULARY.length)];
      if (rnd() < 0.3) t += PUNCT[Math.floor(rnd() * PUNCT.length)];
    }
    out.push(t);
  }
  return out;
}

export const BENCH_RULES: readonly TagRule[] = [
  { mode: 'any', terms: ['乡村振兴', '合作社', 'AI', '梁山县'] },
  { mode: 'all', terms: ['高铁', '开通运营', '记者'] },
  { mode: 'phrase', terms: ['交通', '安全'] },
  { mode: 'regex', terms: [], pattern: '同比增长\\d*(?:个百分点|%)?|科技创新.{0,10}企业' },
  { mode: 'fuzzy', terms: ['消费品以旧换新', '移风易俗', 'AEO认证'] },
];

/** Apply each benchmark rule to `n` clippings; returns one result per rule. */
export function benchRuleApply(n = 100_000, rules: readonly TagRule[] = BENCH_RULES): RuleBenchResult[] {
  const pool = syntheticClippings(Math.min(n, 2000));
  const results: RuleBenchResult[] = [];
  for (const rule of rules) {
    const match = compileRuleOrThrow(rule);
    for (let i = 0; i < Math.min(200, n); i++) match(pool[i % pool.length]); // warm-up
    let matched = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) if (match(pool[i % pool.length]).matched) matched++;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    results.push({
      mode: rule.mode,
      rule: rule.mode === 'regex' ? `/${rule.pattern}/` : rule.terms.join('|'),
      clippings: n,
      ms: Math.round(ms * 10) / 10,
      usPerClipping: Math.round((ms * 1000 * 100) / n) / 100,
      matched,
    });
  }
  return results;
}
