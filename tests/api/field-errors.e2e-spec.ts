import { type ApiError, type FieldErrorDetail, type Publication, latestIssueDate } from '@jianbao/contracts';
import { buildClipping } from '../fixtures/builders';
import { createPublication } from '../fixtures/seed';
import { startTestApp, type TestApp } from '../fixtures/test-app';

/** The 400s the UI translates: every invalid field names its constraint and that constraint's parameters. */
describe('field errors: machine-readable constraints in details', () => {
  let t: TestApp;
  let pub: Publication;

  beforeAll(async () => {
    t = await startTestApp();
    pub = await createPublication(t, { name: '齐鲁晚报' });
  });

  afterAll(async () => {
    await t.close();
  });

  const detailsOf = (body: unknown): FieldErrorDetail[] => (body as ApiError).details as FieldErrorDetail[];

  it('a too-long title: maxLength with max 500', async () => {
    const res = await t
      .http()
      .post('/api/clippings')
      .send(buildClipping(pub.id, { title: '标'.repeat(501) }))
      .expect(400);
    expect(detailsOf(res.body)).toEqual([
      {
        field: 'title',
        errors: ['title must be shorter than or equal to 500 characters'],
        constraints: [{ constraint: 'maxLength', max: 500 }],
      },
    ]);
  });

  it('a short password: minLength with min 8; a user name with a space: matches', async () => {
    const res = await t
      .http()
      .post('/api/users')
      .send({ username: '王 编辑', password: 'short', role: 'editor' })
      .expect(400);
    expect(detailsOf(res.body)).toEqual([
      { field: 'username', errors: [expect.any(String)], constraints: [{ constraint: 'matches' }] },
      { field: 'password', errors: [expect.any(String)], constraints: [{ constraint: 'minLength', min: 8 }] },
    ]);
  });

  it('accepts a Chinese user name', async () => {
    const res = await t
      .http()
      .post('/api/users')
      .send({ username: '王编辑', password: '足够长的密码12', role: 'editor' })
      .expect(201);
    expect(res.body).toMatchObject({ username: '王编辑', role: 'editor' });
  });

  it('a date range the wrong way round: notBefore naming the other end', async () => {
    const res = await t.http().get('/api/clippings?from=2024-05-01&to=2024-04-01').expect(400);
    expect(detailsOf(res.body)).toEqual([
      {
        field: 'to',
        errors: ['to must not be before from'],
        constraints: [{ constraint: 'notBefore', other: 'from' }],
      },
    ]);
  });

  it('an unknown field: whitelistValidation', async () => {
    const res = await t
      .http()
      .post('/api/clippings')
      .send({ ...buildClipping(pub.id), colour: 'red' })
      .expect(400);
    expect(detailsOf(res.body)).toEqual([
      {
        field: 'colour',
        errors: ['property colour should not exist'],
        constraints: [{ constraint: 'whitelistValidation' }],
      },
    ]);
  });
});

/**
 * Issue dates: more than a year ahead is a typo and refused (400, `issueDateRange` with the latest date
 * accepted); before 1900 is unusual but real (old papers), accepted — the UI warns before saving.
 */
describe('issue dates out of the usual range', () => {
  let t: TestApp;
  let pub: Publication;

  beforeAll(async () => {
    t = await startTestApp();
    pub = await createPublication(t, { name: '申报' });
  });

  afterAll(async () => {
    await t.close();
  });

  const tooLate = (): string => {
    const d = new Date(`${latestIssueDate(new Date())}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  };

  it('refuses an issue date beyond one year ahead on create, update and filing, saying the limit', async () => {
    const max = latestIssueDate(new Date());
    const expected = [
      {
        field: 'issueDate',
        errors: [expect.stringContaining(max)],
        constraints: [{ constraint: 'issueDateRange', max }],
      },
    ];
    const created = await t
      .http()
      .post('/api/clippings')
      .send(buildClipping(pub.id, { issueDate: tooLate() }))
      .expect(400);
    expect((created.body as ApiError).details).toEqual(expected);

    const ok = await t.http().post('/api/clippings').send(buildClipping(pub.id)).expect(201);
    const patched = await t
      .http()
      .patch(`/api/clippings/${(ok.body as { id: number }).id}`)
      .send({ issueDate: tooLate(), version: (ok.body as { version: number }).version })
      .expect(400);
    expect((patched.body as ApiError).details).toEqual(expected);

    const filed = await t
      .http()
      .post('/api/imports')
      .send({ publicationId: pub.id, issueDate: tooLate(), pageLabel: '1', text: '标题\n正文一段。' })
      .expect(400);
    expect((filed.body as ApiError).details).toEqual(expected);
  });

  it('accepts the last date of the range and a date before 1900', async () => {
    await t
      .http()
      .post('/api/clippings')
      .send(buildClipping(pub.id, { issueDate: latestIssueDate(new Date()) }))
      .expect(201);
    const old = await t
      .http()
      .post('/api/clippings')
      .send(buildClipping(pub.id, { issueDate: '1872-04-30' }))
      .expect(201);
    expect(old.body).toMatchObject({ issueDate: '1872-04-30' });
  });
});
