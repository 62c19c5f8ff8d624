import type { Article, Clipping, ContinuationView, ImportResult, Publication } from '@jianbao/contracts';
import {
  ANKANG_P1,
  JINING_P1,
  SAMPLE_ANKANG_P2,
  SAMPLE_DATE,
  SAMPLE_JINING_P2,
  edited,
  filePage,
  getClipping,
  getView,
  readPage,
  ref,
  waiting,
} from '../fixtures/continuations';
import { createPublication } from '../fixtures/seed';
import { listInFull, startTestApp, type TestApp } from '../fixtures/test-app';

/** head title → first characters of the tail it continues in, from reading the pages. */
const TRUE_PAIRS: Record<string, string> = {
  '汶上：廉洁教育为青年干部“补钙壮骨”': '清风扬帆',
  '济宁海关AEO认证培育助企“出海”': '“近年来，我们相继出台',
  '鱼台“脚步作风”护航学生上学路': '身着鲜亮红色护学马甲',
  '中办国办印发《关于深化产业工人队伍建设改革的意见》': '2000名左右大国工匠',
  '宁陕：“三清单”让人大监督落地见效': '代表作用，确保监督工作',
  '向“新”而进 聚力前行': '供需对接活动14场次',
};

const tailsOf = (r: ImportResult): Clipping[] => r.clippings.filter((c) => c.continuesFrom !== null);
const headsOf = (r: ImportResult): Clipping[] => r.clippings.filter((c) => c.continuesTo !== null);

/** How many heads of a page 1 got linked to the right tail, and to a wrong one. */
async function score(
  t: TestApp,
  page1: ImportResult,
): Promise<{ right: number; wrong: number; open: number }> {
  let right = 0;
  let wrong = 0;
  let open = 0;
  for (const h of headsOf(page1)) {
    const head = await getClipping(t, h.id);
    if (head.nextPartId === null) {
      open += 1;
      continue;
    }
    const tail = await getClipping(t, head.nextPartId);
    if (tail.body.startsWith(TRUE_PAIRS[head.title ?? ''] ?? '\u0000')) right += 1;
    else wrong += 1;
  }
  return { right, wrong, open };
}

describe('continued articles over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('the two sample pages, page 2 filed first', () => {
    let jining: Publication;
    let ankang: Publication;
    let jiningP2: ImportResult;
    let ankangP2: ImportResult;

    beforeAll(async () => {
      jining = await createPublication(t, { name: '济宁日报' });
      ankang = await createPublication(t, { name: '安康日报' });
      jiningP2 = await filePage(t, jining.id, '2', readPage(SAMPLE_JINING_P2));
      ankangP2 = await filePage(t, ankang.id, '2', readPage(SAMPLE_ANKANG_P2));
    });

    it('the waiting list holds exactly the six tails, with the page and label they expect', async () => {
      expect(jiningP2.links).toEqual([]);
      const list = await waiting(t, { from: SAMPLE_DATE, to: SAMPLE_DATE });
      expect(list).toHaveLength(6);
      expect(list.every((w) => w.waitingFor === 'head')).toBe(true);
      const jn = list.filter((w) => w.clipping.publicationId === jining.id);
      expect(jn.map((w) => [w.expects.page, w.expects.label, w.expects.marker]).sort()).toEqual([
        ['1', 'A', '（上接1版A）'],
        ['1', 'B', '（上接1版B）'],
        ['1', 'C', '（上接1版C）'],
      ]);
      const ak = list.filter((w) => w.clipping.publicationId === ankang.id);
      expect(ak.map((w) => [w.expects.page, w.expects.label])).toEqual([
        ['1', null],
        ['1', null],
        ['1', null],
      ]);
      expect(ak.map((w) => w.expects.marker)).toEqual(['(上接一版)', '(上接一版)', '(上接一版)']);
      expect(
        tailsOf(ankangP2)
          .map((c) => c.id)
          .sort(),
      ).toEqual(ak.map((w) => w.clipping.id).sort());
      expect(jn[0]!.clipping).toMatchObject({
        publicationName: '济宁日报',
        issueDate: SAMPLE_DATE,
        pageLabel: '2',
      });
      expect(
        tailsOf(jiningP2)
          .map((c) => c.id)
          .sort(),
      ).toEqual(jn.map((w) => w.clipping.id).sort());
    });

    it('filters the waiting list by publication and dates; 400 on a bad date or from > to', async () => {
      expect(await waiting(t, { publicationId: ankang.id })).toHaveLength(3);
      expect(await waiting(t, { from: '2024-10-23' })).toHaveLength(0);
      await t.http().get('/api/continuations/waiting').query({ from: '2024-13-01' }).expect(400);
      await t
        .http()
        .get('/api/continuations/waiting')
        .query({ from: '2024-10-23', to: '2024-10-22' })
        .expect(400);
    });

    it('filing the 济宁 page 1 links 1版A/B/C to three different articles', async () => {
      const p1 = await filePage(t, jining.id, '1', readPage(JINING_P1));
      expect(p1.links.filter((l) => l.status === 'linked' && l.source === 'rule')).toHaveLength(3);
      expect(await score(t, p1)).toEqual({ right: 3, wrong: 0, open: 0 });
      const articleIds = new Set<number | null>();
      for (const h of headsOf(p1)) {
        const head = await getClipping(t, h.id);
        const tail = await getClipping(t, head.nextPartId!);
        expect(tail.previousPartId).toBe(head.id);
        expect(tail.articleId).toBe(head.articleId);
        expect(head.continuesTo!.label).toBe(tail.continuesFrom!.label);
        articleIds.add(head.articleId);
      }
      expect(articleIds.size).toBe(3);
      expect(articleIds.has(null)).toBe(false);
      // The short article without a marker stays alone.
      const alone = p1.clippings.find((c) => c.continuesTo === null)!;
      expect((await getClipping(t, alone.id)).articleId).toBeNull();
    });

    it('filing the 安康 page 1 (unlabelled 下转第二版 / 二版 / 2版) links each head by evidence', async () => {
      const p1 = await filePage(t, ankang.id, '1', readPage(ANKANG_P1));
      expect(await score(t, p1)).toEqual({ right: 3, wrong: 0, open: 0 });
      expect(await waiting(t, { from: SAMPLE_DATE, to: SAMPLE_DATE })).toEqual([]);
      const byTitle = p1.links.find((l) => l.reasons.some((r) => r.includes('标题重复')));
      expect(byTitle).toBeDefined();
    });

    it('the article reads as one text: markers gone, seam joined, nothing doubled or lost', async () => {
      const head = (await listInFull(t, { publicationId: jining.id, pageLabel: '1' })).find((c) =>
        c.title?.startsWith('汶上'),
      ) as Clipping;
      const tail = await getClipping(t, head.nextPartId!);
      const res = await t.http().get(`/api/articles/${head.articleId}`).expect(200);
      const article = res.body as Article;
      expect(article).toMatchObject({
        id: head.articleId,
        title: '汶上：廉洁教育为青年干部“补钙壮骨”',
        publicationId: jining.id,
        publicationName: '济宁日报',
        issueDate: SAMPLE_DATE,
      });
      expect(article.parts.map((p) => [p.clippingId, p.pageLabel])).toEqual([
        [head.id, '1'],
        [tail.id, '2'],
      ]);
      expect(article.body).toContain('以清廉之风涵养为政之德，乘着清风扬帆，锻造忠诚廉洁的青年干部队伍');
      expect(article.body).not.toMatch(/[（(](上接|下转)/);
      expect(article.body).not.toMatch(/([，。、；：！？])\1/);
      expect(article.body.startsWith(head.body)).toBe(true);
      expect(article.body.endsWith(tail.body.replace(/^（上接1版A）/, ''))).toBe(true);
      expect(article.body.replace(/\s/g, '').length).toBe((head.body + tail.body).replace(/\s/g, '').length);
      expect(article.boundaries).toEqual([
        { clippingId: head.id, pageLabel: '1', start: 0, end: head.body.length },
        { clippingId: tail.id, pageLabel: '2', start: head.body.length, end: article.body.length },
      ]);
    });

    it('exports the article as Markdown and plain text; 400 on another format, 404 on an unknown article', async () => {
      const list = await waiting(t, {}); // all linked: pick any article from a clipping
      expect(list).toEqual([]);
      const c = (
        await t.http().get('/api/clippings').query({ publicationId: ankang.id, pageLabel: '1' }).expect(200)
      ).body.items.find((x: Clipping) => x.title === '向“新”而进 聚力前行') as Clipping;
      const md = await t
        .http()
        .get(`/api/articles/${c.articleId}/export`)
        .query({ format: 'md' })
        .expect(200);
      expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(md.headers['content-disposition']).toMatch(
        /^attachment; filename="article-\d+-.*\.md"; filename\*=UTF-8''/,
      );
      expect(md.text).toMatch(/^# 向“新”而进 聚力前行\n/);
      expect(md.text).toContain('*（第2版）*');
      expect(md.text).toContain('组织开展');
      expect(md.text).not.toMatch(/[（(](上接|下转)/);
      const txt = await t.http().get(`/api/articles/${c.articleId}/export?format=txt`).expect(200);
      expect(txt.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(txt.headers['content-disposition']).toMatch(/filename="article-\d+-.*\.txt"/);
      expect(txt.text).toContain('组织开展\n——第2版——\n供需对接活动14场次');
      // The head's byline follows the meta line; its dateline opens the body (issue 14).
      expect(txt.text.split('\n').slice(0, 5)).toEqual([
        '向“新”而进 聚力前行',
        '——我市加快推进科技创新工作综述',
        '安康日报 · 2024-10-22 · 第1、2版',
        '本报记者 陈雪',
        '',
      ]);
      expect(txt.text.split('\n')[5]).toMatch(/^本报讯 \S/);
      expect(md.text).toContain('\n本报记者 陈雪\n\n**本报讯** ');
      await t.http().get(`/api/articles/${c.articleId}/export?format=pdf`).expect(400);
      await t.http().get(`/api/articles/${c.articleId}/export`).expect(400);
      await t.http().get('/api/articles/999999').expect(404);
      await t.http().get('/api/articles/999999/export?format=md').expect(404);
      await t.http().get('/api/articles/abc').expect(400);
    });
  });

  it('filing order does not matter: page 1 first gives the same pairs', async () => {
    const jining = await createPublication(t, { name: '济宁日报（倒序）' });
    const ankang = await createPublication(t, { name: '安康日报（倒序）' });
    const jn1 = await filePage(t, jining.id, '1', readPage(JINING_P1));
    const ak1 = await filePage(t, ankang.id, '1', readPage(ANKANG_P1));
    expect(await waiting(t, { publicationId: jining.id })).toHaveLength(3); // heads wait for their tails
    expect((await waiting(t, { publicationId: jining.id })).every((w) => w.waitingFor === 'tail')).toBe(true);
    const jn2 = await filePage(t, jining.id, '2', readPage(SAMPLE_JINING_P2));
    const ak2 = await filePage(t, ankang.id, '2', readPage(SAMPLE_ANKANG_P2));
    expect(jn2.links.filter((l) => l.status === 'linked')).toHaveLength(3);
    expect(ak2.links.filter((l) => l.status === 'linked')).toHaveLength(3);
    expect(await score(t, jn1)).toEqual({ right: 3, wrong: 0, open: 0 });
    expect(await score(t, ak1)).toEqual({ right: 3, wrong: 0, open: 0 });
  });

  describe('synthetic pages', () => {
    let pub: Publication;
    const to2 = ref('2', null, '（下转第二版）');
    const from1 = ref('1', null, '（上接第一版）');

    beforeEach(async () => {
      pub = await createPublication(t);
    });

    it('refuses a pair whose markers name another page: the tail keeps waiting', async () => {
      await filePage(t, pub.id, '1', 'p1 refuse', [
        edited('本报讯 今年以来，我市加快推进老旧小区改造，全市已有', {
          title: '老旧小区改造提速',
          continuesTo: ref('3', null, '（下转第三版）'),
        }),
      ]);
      const p2 = await filePage(t, pub.id, '2', 'p2 refuse', [
        edited('42个小区完成改造，惠及居民1.2万户。', { continuesFrom: from1 }),
      ]);
      expect(p2.links).toEqual([]);
      const tail = await getClipping(t, p2.clippings[0]!.id);
      expect(tail.previousPartId).toBeNull();
      expect((await waiting(t, { publicationId: pub.id })).map((w) => w.waitingFor).sort()).toEqual([
        'head',
        'tail',
      ]);
    });

    it('reads `（下转B03版）` as page 3 of edition B: keeps the edition, links to B3 and not A3; 400 on a bad edition', async () => {
      const toB3 = { page: '3', label: null, edition: 'B', marker: '（下转B03版）' };
      const p1 = await filePage(t, pub.id, 'A1', 'A1 edition', [
        edited('本报讯 今年以来，我市加快推进老旧小区改造，全市已有', {
          title: '老旧小区改造提速',
          continuesTo: toB3,
        }),
      ]);
      expect((await getClipping(t, p1.clippings[0]!.id)).continuesTo).toEqual(toB3);
      const a3 = await filePage(t, pub.id, 'A3', 'A3 edition', [
        edited('42个小区完成改造，惠及居民1.2万户。', { continuesFrom: ref('1', null, '（上接第一版）') }),
      ]);
      expect(a3.links).toEqual([]);
      const b3 = await filePage(t, pub.id, 'B3', 'B3 edition', [
        edited('42个小区完成改造，惠及居民1.2万户。', {
          continuesFrom: { page: '1', label: null, edition: 'A', marker: '（上接A01版）' },
        }),
      ]);
      expect(b3.links).toHaveLength(1);
      expect((await getClipping(t, p1.clippings[0]!.id)).nextPartId).toBe(b3.clippings[0]!.id);
      const bad = await t
        .http()
        .post('/api/imports')
        .send({
          text: 'bad edition',
          publicationId: pub.id,
          issueDate: SAMPLE_DATE,
          pageLabel: 'A1',
          clippings: [edited('正文', { continuesTo: { ...toB3, edition: 'b3' } })],
        });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.details ?? bad.body.message)).toContain('edition');
    });

    it('ambiguous heads without evidence are proposed, best first; accept links by hand, reject is never re-proposed', async () => {
      const p1 = await filePage(t, pub.id, '1', 'p1 ambiguous', [
        edited('本报讯 市区两条公交线路今起调整，', { title: '公交线路调整', continuesTo: to2 }),
        edited('本报讯 市图书馆延长开放时间，', { title: '图书馆延时开放', continuesTo: to2 }),
      ]);
      const p2 = await filePage(t, pub.id, '2', 'p2 ambiguous', [
        edited('具体安排请关注官方发布。', { continuesFrom: from1 }),
      ]);
      const tailId = p2.clippings[0]!.id;
      expect((await getClipping(t, tailId)).previousPartId).toBeNull();
      const view = await getView(t, tailId);
      expect(view.chain).toEqual([]);
      expect(view.suggestions.length).toBe(2);
      expect(view.suggestions.every((s) => s.status === 'proposed' && s.source === 'rule')).toBe(true);
      expect(view.suggestions[0]!.score).toBeGreaterThanOrEqual(view.suggestions[1]!.score);
      expect(view.suggestions.map((s) => s.other.id).sort()).toEqual(p1.clippings.map((c) => c.id).sort());
      expect(view.suggestions[0]!.other).toMatchObject({ pageLabel: '1', publicationId: pub.id });

      const [first, second] = view.suggestions;
      const rejected = (
        await t.http().post(`/api/continuations/suggestions/${second!.id}/reject`).expect(200)
      ).body as ContinuationView;
      expect(rejected.suggestions.map((s) => s.id)).toEqual([first!.id]);
      const accepted = (await t.http().post(`/api/continuations/suggestions/${first!.id}/accept`).expect(200))
        .body as ContinuationView;
      expect(accepted.chain.map((p) => p.clippingId)).toEqual([first!.headId, tailId]);
      expect(accepted.articleId).not.toBeNull();
      expect(accepted.suggestions).toEqual([]);

      // Unlinking by hand rejects the pair; re-running the rule (an edit of the page label) proposes only what is left.
      await t.http().put(`/api/clippings/${tailId}/continuation`).send({ previousPartId: null }).expect(200);
      await t.http().patch(`/api/clippings/${tailId}`).send({ pageLabel: '第二版' }).expect(200);
      await t.http().patch(`/api/clippings/${tailId}`).send({ pageLabel: '2' }).expect(200);
      const after = await getView(t, tailId);
      expect(after.chain).toEqual([]);
      expect(after.suggestions).toEqual([]);
      expect((await getClipping(t, tailId)).previousPartId).toBeNull();
      await t.http().post('/api/continuations/suggestions/999999/accept').expect(404);
      await t.http().post('/api/continuations/suggestions/x/reject').expect(400);
    });

    it('links a three-page article (the middle part has both markers) in any filing order', async () => {
      const p3 = await filePage(t, pub.id, '3', 'p3 chain', [
        edited('确保明年汛期前全部完工。', { continuesFrom: ref('2', null, '（上接第二版）') }),
      ]);
      const p1 = await filePage(t, pub.id, '1', 'p1 chain', [
        edited('本报讯 记者从市水利局获悉，今年我市投资3.2亿元实施中小河流治理工程，', {
          title: '中小河流治理工程全面开工',
          continuesTo: to2,
        }),
      ]);
      const p2 = await filePage(t, pub.id, '2', 'p2 chain', [
        edited('涉及河道长度86公里。目前，各标段施工队伍已全部进场，市水利局要求各县区倒排工期，', {
          continuesFrom: from1,
          continuesTo: ref('3', null, '（下转第三版）'),
        }),
      ]);
      const ids = [p1.clippings[0]!.id, p2.clippings[0]!.id, p3.clippings[0]!.id];
      const view = await getView(t, ids[1]!);
      expect(view.chain.map((p) => [p.clippingId, p.pageLabel])).toEqual([
        [ids[0], '1'],
        [ids[1], '2'],
        [ids[2], '3'],
      ]);
      const article = (await t.http().get(`/api/articles/${view.articleId}`).expect(200)).body as Article;
      expect(article.title).toBe('中小河流治理工程全面开工');
      expect(article.body).toBe(
        '本报讯 记者从市水利局获悉，今年我市投资3.2亿元实施中小河流治理工程，涉及河道长度86公里。目前，各标段施工队伍已全部进场，市水利局要求各县区倒排工期，确保明年汛期前全部完工。',
      );
      expect(article.boundaries.map((b) => b.pageLabel)).toEqual(['1', '2', '3']);
    });

    it('manual links: link, unlink, move; 409 on a cycle or a clash (naming the part), 400 across publications or to itself, 404 unknown', async () => {
      const other = await createPublication(t);
      const page = await filePage(t, pub.id, '5', 'p5 manual', [
        edited('第一段。', { title: '甲' }),
        edited('第二段。', { title: '乙' }),
        edited('第三段。', { title: '丙' }),
        edited('第四段。', { title: '丁' }),
      ]);
      const [a, b, c, d] = page.clippings.map((x) => x.id) as [number, number, number, number];
      const foreign = (await filePage(t, other.id, '5', 'p5 foreign', [edited('外报。')])).clippings[0]!.id;

      const linked = (
        await t.http().put(`/api/clippings/${a}/continuation`).send({ nextPartId: b }).expect(200)
      ).body as ContinuationView;
      expect(linked.chain.map((p) => p.clippingId)).toEqual([a, b]);
      await t.http().put(`/api/clippings/${c}/continuation`).send({ previousPartId: b }).expect(200);
      const ca = await getClipping(t, a);
      const cc = await getClipping(t, c);
      expect([ca.nextPartId, ca.articleId]).toEqual([b, cc.articleId]);
      expect((await getClipping(t, b)).previousPartId).toBe(a);

      const cycle = await t
        .http()
        .put(`/api/clippings/${a}/continuation`)
        .send({ previousPartId: c })
        .expect(409);
      expect(cycle.body.message).toMatch(/cycle/);
      const clash = await t
        .http()
        .put(`/api/clippings/${d}/continuation`)
        .send({ previousPartId: a })
        .expect(409);
      expect(clash.body.message).toContain(`Clipping ${a} already continues in clipping ${b}`);
      expect(clash.body.details).toEqual({ clippingId: a, nextPartId: b });
      await t.http().put(`/api/clippings/${a}/continuation`).send({ nextPartId: foreign }).expect(400);
      await t.http().put(`/api/clippings/${a}/continuation`).send({ nextPartId: a }).expect(400);
      await t.http().put(`/api/clippings/${a}/continuation`).send({ nextPartId: 999999 }).expect(404);
      await t.http().put('/api/clippings/999999/continuation').send({ nextPartId: a }).expect(404);
      await t.http().put(`/api/clippings/${a}/continuation`).send({ nextPartId: 'x' }).expect(400);
      await t.http().get('/api/clippings/999999/continuation').expect(404);
      // Nothing changed by the refused requests.
      expect((await getView(t, b)).chain.map((p) => p.clippingId)).toEqual([a, b, c]);

      // Move: b's next becomes d (c is cut off and stands alone again, d joins the article).
      const moved = (
        await t.http().put(`/api/clippings/${b}/continuation`).send({ nextPartId: d }).expect(200)
      ).body as ContinuationView;
      expect(moved.chain.map((p) => p.clippingId)).toEqual([a, b, d]);
      const cut = await getClipping(t, c);
      expect([cut.previousPartId, cut.nextPartId, cut.articleId]).toEqual([null, null, null]);

      // Unlink in the middle: two lone parts on one side, a two-part article on the other.
      await t.http().put(`/api/clippings/${a}/continuation`).send({ nextPartId: null }).expect(200);
      const rest = await getView(t, b);
      expect(rest.chain.map((p) => p.clippingId)).toEqual([b, d]);
      expect((await getClipping(t, a)).articleId).toBeNull();
      expect(rest.articleId).not.toBeNull();
      await t.http().get(`/api/articles/${rest.articleId}`).expect(200);
    });

    describe('deleting a part keeps what is left consistent', () => {
      /** Files a page of lone articles and links them by hand into one chain, in order. */
      async function chainOf(label: string, titles: string[]): Promise<{ ids: number[]; articleId: number }> {
        const page = await filePage(
          t,
          pub.id,
          label,
          `p${label} delete`,
          titles.map((title, i) => edited(`第${i + 1}段。`, { title })),
        );
        const ids = page.clippings.map((x) => x.id);
        for (let i = 0; i + 1 < ids.length; i += 1) {
          await t
            .http()
            .put(`/api/clippings/${ids[i]}/continuation`)
            .send({ nextPartId: ids[i + 1] })
            .expect(200);
        }
        const view = await getView(t, ids[0]!);
        expect(view.chain.map((p) => p.clippingId)).toEqual(ids);
        return { ids, articleId: view.articleId! };
      }

      async function chainColumns(id: number): Promise<[number | null, number | null, number | null]> {
        const c = await getClipping(t, id);
        return [c.previousPartId, c.nextPartId, c.articleId];
      }

      it('the middle of a three-part chain: two standalone parts and no article left', async () => {
        const { ids, articleId } = await chainOf('6', ['一', '二', '三']);
        await t.http().delete(`/api/clippings/${ids[1]}`).expect(204);
        expect(await chainColumns(ids[0]!)).toEqual([null, null, null]);
        expect(await chainColumns(ids[2]!)).toEqual([null, null, null]);
        expect((await getView(t, ids[0]!)).chain).toEqual([]);
        await t.http().get(`/api/articles/${articleId}`).expect(404);
      });

      it('the middle of a five-part chain: the first half keeps the article, the second gets a new one', async () => {
        const { ids, articleId } = await chainOf('7', ['一', '二', '三', '四', '五']);
        const [a, b, c, d, e] = ids as [number, number, number, number, number];
        await t.http().delete(`/api/clippings/${c}`).expect(204);
        expect(await chainColumns(a)).toEqual([null, b, articleId]);
        expect(await chainColumns(b)).toEqual([a, null, articleId]);
        const second = await getView(t, d);
        expect(second.chain.map((p) => p.clippingId)).toEqual([d, e]);
        expect(second.articleId).not.toBeNull();
        expect(second.articleId).not.toBe(articleId);
        expect((await getClipping(t, e)).articleId).toBe(second.articleId);
        const first = (await t.http().get(`/api/articles/${articleId}`).expect(200)).body as Article;
        expect(first.boundaries).toHaveLength(2);
        const rest = (await t.http().get(`/api/articles/${second.articleId}`).expect(200)).body as Article;
        expect(rest.body.split('\n')).toEqual(['第4段。', '第5段。']);
      });

      it('the head of a two-part chain (its import deleted): the tail has no article and waits again', async () => {
        const p1 = await filePage(t, pub.id, '1', 'p1 delete head', [
          edited('本报讯 记者从市交通局获悉，今年我市新改建农村公路420公里，', {
            title: '农村公路新改建420公里',
            continuesTo: to2,
          }),
        ]);
        const p2 = await filePage(t, pub.id, '2', 'p2 delete head', [
          edited('打通了一批断头路，群众出行更加便捷。', { continuesFrom: from1 }),
        ]);
        const tailId = p2.clippings[0]!.id;
        const linked = await getView(t, tailId);
        expect(linked.chain.map((p) => p.clippingId)).toEqual([p1.clippings[0]!.id, tailId]);
        expect((await waiting(t, { publicationId: pub.id })).map((w) => w.clipping.id)).not.toContain(tailId);

        await t.http().delete(`/api/imports/${p1.import.id}`).expect(204);
        expect(await chainColumns(tailId)).toEqual([null, null, null]);
        await t.http().get(`/api/articles/${linked.articleId}`).expect(404);
        const list = await waiting(t, { publicationId: pub.id });
        expect(list.filter((w) => w.clipping.id === tailId).map((w) => w.waitingFor)).toEqual(['head']);
      });

      it('filing a page again with replace: the old parts leave their chains before they go', async () => {
        const p1 = await filePage(t, pub.id, '1', 'p1 replace head', [
          edited('本报讯 市第一人民医院新门诊楼今日启用，', { title: '新门诊楼启用', continuesTo: to2 }),
        ]);
        const p2 = await filePage(t, pub.id, '2', 'p2 replace head', [
          edited('可满足日均5000人次就诊需求。', { continuesFrom: from1 }),
        ]);
        const tailId = p2.clippings[0]!.id;
        const before = await getView(t, tailId);
        expect(before.chain.map((p) => p.clippingId)).toEqual([p1.clippings[0]!.id, tailId]);
        const res = await t
          .http()
          .post('/api/imports')
          .send({
            text: 'p1 replace head',
            publicationId: pub.id,
            issueDate: SAMPLE_DATE,
            pageLabel: '1',
            replace: true,
            clippings: [edited('本报讯 今日天气晴。', { title: '天气' })],
          })
          .expect(201);
        expect((res.body as ImportResult).clippings).toHaveLength(1);
        expect(await chainColumns(tailId)).toEqual([null, null, null]);
        await t.http().get(`/api/articles/${before.articleId}`).expect(404);
      });
    });
  });
});
