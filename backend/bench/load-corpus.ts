/**
 * The load bench's database: a fresh SQLite file with the real migrations, filled by bulk SQL inserts
 * (not through the services, which would take minutes): publications, the gazetteer, a two-level tag
 * tree, `n` clippings spread over two years and eight pages, one or two tags and regions each, and a
 * continuation pair (an article of two parts) every 20 clippings so the reassembled-article route has work;
 * then the full-text index built by the real `reindex` (as the server would at start-up).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig, validateConfig } from '../src/config/app-config';
import { ENTITIES } from '../src/app/entities';
import { ReadQueries } from '../src/database/read-queries';
import { SearchRepository } from '../src/search/search.repository';
import { SearchService } from '../src/search/search.service';
import { openDataSource } from '../src/database/data-source';
import { chunk, rowsPerStatement } from '../src/database/sql-values';
import { ClippingHooks } from '../src/clippings/clipping-hooks';
import { RevisionRecorder } from '../src/clippings/revisions/revision-recorder';
import { RevisionsRepository } from '../src/clippings/revisions/revisions.repository';
import { loadGazetteer } from '../src/regions/gazetteer';
import { seedGazetteer } from '../src/regions/gazetteer-seed';
import { mulberry32 } from './synthetic-pages';
import { pageSortKey } from '@jianbao/contracts';

/** What the load generator picks from. */
export interface LoadCorpus {
  clippings: number;
  publicationIds: number[];
  tagIds: number[];
  /** Regions that clippings are linked to (山东省's cities and counties). */
  regionIds: number[];
  articleIds: number[];
  /** Clipping ids are 1..maxClippingId. */
  maxClippingId: number;
  dates: string[];
  pageLabels: string[];
}

const KINDS = ['article', 'article', 'article', 'article', 'brief', 'brief', 'photo', 'notice', 'ad'];
const PAGE_LABELS = ['1', '2', '3', '4', 'A1', 'A2', 'A3', 'A4'];
const PUBLICATIONS = ['济宁日报', '齐鲁晚报', '大众日报', '鱼台周报'];
const TAG_ROOTS = ['政务', '经济', '社会', '文化', '体育'];
const TAG_CHILDREN = ['动态', '人物', '评论', '专题', '简讯'];
const TEXT =
  '本报讯 近日，县委县政府召开专题会议，研究部署乡村振兴、营商环境和民生实事等重点工作。会议强调，' +
  '要坚持问题导向，狠抓工作落实，推动各项任务取得实效。与会人员围绕产业发展、基础设施建设、' +
  '公共服务提升等方面进行了深入交流，并就下一步工作提出了具体意见和建议。';

/** `2023-01-01` plus `day` days. */
function dayOf(day: number): string {
  return new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10);
}

async function insertRows(
  manager: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  for (const part of chunk(rows, rowsPerStatement(columns.length))) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    await manager.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`,
      part.flat(),
    );
  }
}

/** Clippings per `created`-revision batch while seeding. */
const HISTORY_BATCH = 900;

/** Fills a freshly migrated database; deterministic for a given `n`. */
export async function fillLoadCorpus(ds: DataSource, n: number): Promise<LoadCorpus> {
  return ds.transaction(async (m) => {
    const rand = mulberry32(500_100);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    await seedGazetteer(m, loadGazetteer());
    const regions = (await m.query('SELECT id, code, parent_id FROM region')) as {
      id: number;
      code: string;
      parent_id: number | null;
    }[];
    const shandong = regions.find((r) => r.code === '370000')?.id;
    const cities = regions.filter((r) => r.parent_id === shandong).map((r) => r.id);
    const citySet = new Set(cities);
    const counties = regions.filter((r) => r.parent_id !== null && citySet.has(r.parent_id)).map((r) => r.id);
    const regionIds = [...cities, ...counties];
    if (regionIds.length === 0) throw new Error('gazetteer lacks 山东省');

    await insertRows(
      m,
      'publication',
      ['name'],
      PUBLICATIONS.map((p) => [p]),
    );
    const publicationIds = (
      (await m.query('SELECT id FROM publication ORDER BY id')) as { id: number }[]
    ).map((r) => r.id);
    const tagIds: number[] = [];
    for (const root of TAG_ROOTS) {
      await m.query('INSERT INTO tag (name) VALUES (?)', [root]);
      const [{ id }] = (await m.query('SELECT MAX(id) AS id FROM tag')) as [{ id: number }];
      tagIds.push(id);
      await insertRows(
        m,
        'tag',
        ['parent_id', 'name'],
        TAG_CHILDREN.map((c) => [id, `${root}${c}`]),
      );
    }
    tagIds.push(
      ...((await m.query('SELECT id FROM tag WHERE parent_id IS NOT NULL')) as { id: number }[]).map(
        (r) => r.id,
      ),
    );

    const days = 730;
    const dates = Array.from({ length: days }, (_, d) => dayOf(d));
    const clippingRows: unknown[][] = [];
    for (let i = 1; i <= n; i += 1) {
      const label = pick(PAGE_LABELS);
      const start = Math.floor(rand() * 60);
      clippingRows.push([
        pick(publicationIds),
        dates[Math.floor(((i - 1) / n) * days)] ?? dates[0],
        label,
        pageSortKey(label),
        pick(KINDS),
        `第${i}号稿件：${TEXT.slice(start, start + 12)}`,
        `${TEXT.slice(start)}${TEXT.slice(0, start)}（稿件${i}）`,
        rand() < 0.7 ? 'reviewed' : 'draft',
      ]);
    }
    await insertRows(
      m,
      'clipping',
      ['publication_id', 'issue_date', 'page_label', 'page_sort', 'kind', 'title', 'body', 'status'],
      clippingRows,
    );
    const [{ id: maxClippingId }] = (await m.query('SELECT MAX(id) AS id FROM clipping')) as [{ id: number }];

    const tagRows: unknown[][] = [];
    const regionRows: unknown[][] = [];
    for (let id = 1; id <= maxClippingId; id += 1) {
      const tags = new Set([pick(tagIds)]);
      if (rand() < 0.4) tags.add(pick(tagIds));
      for (const t of tags) tagRows.push([id, t]);
      const regs = new Set([pick(regionIds)]);
      if (rand() < 0.3) regs.add(pick(regionIds));
      for (const r of regs) regionRows.push([id, r]);
    }
    await insertRows(m, 'clipping_tag', ['clipping_id', 'tag_id'], tagRows);
    await insertRows(m, 'clipping_region', ['clipping_id', 'region_id'], regionRows);

    // Continuation pairs: clipping i (page 1) continues as i+1, one article each.
    const articleIds: number[] = [];
    for (let id = 1; id + 1 <= maxClippingId; id += 20) {
      await m.query('INSERT INTO article DEFAULT VALUES');
      const [{ id: articleId }] = (await m.query('SELECT MAX(id) AS id FROM article')) as [{ id: number }];
      articleIds.push(articleId);
      await m.query('UPDATE clipping SET article_id = ?, next_part_id = ?, continues_to = ? WHERE id = ?', [
        articleId,
        id + 1,
        JSON.stringify({ page: '2', label: null, marker: '（下转2版）' }),
        id,
      ]);
      await m.query(
        'UPDATE clipping SET article_id = ?, previous_part_id = ?, continues_from = ? WHERE id = ?',
        [articleId, id, JSON.stringify({ page: '1', label: null, marker: '（上接1版）' }), id + 1],
      );
    }
    // As filing leaves them: every clipping has its `created` revision. Without it the server would
    // spend the run recording the pre-history baselines in the background (a one-off after upgrading).
    const history = new RevisionRecorder(new RevisionsRepository(m.connection), new ClippingHooks());
    for (let first = 1; first <= maxClippingId; first += HISTORY_BATCH) {
      const ids = Array.from(
        { length: Math.min(HISTORY_BATCH, maxClippingId - first + 1) },
        (_, k) => first + k,
      );
      await history.record(m, ids, { id: null, name: 'bench' }, 'created');
    }
    return {
      clippings: n,
      publicationIds,
      tagIds,
      regionIds,
      articleIds,
      maxClippingId,
      dates,
      pageLabels: PAGE_LABELS,
    };
  });
}

/** Creates and fills the database at `databasePath` (which must not exist yet). */
export async function buildLoadCorpus(databasePath: string, n: number): Promise<LoadCorpus> {
  const config = validateConfig(Object.assign(new AppConfig(), { databasePath, nodeEnv: 'production' }));
  const ds = await openDataSource(config, { entities: ENTITIES });
  try {
    const corpus = await fillLoadCorpus(ds, n);
    await new SearchService(new SearchRepository(ds, new ReadQueries(ds, 0)), ds).reindex();
    return corpus;
  } finally {
    await ds.destroy();
  }
}
