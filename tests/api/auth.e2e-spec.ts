import type { AuditEvent, LoginResult, Page, SessionInfo, User } from '@jianbao/contracts';
import { createPublication } from '../fixtures/seed';
import {
  runCli,
  startTestApp,
  TEST_ADMIN,
  TEST_PASSWORD,
  type TestAgent,
  type TestApp,
} from '../fixtures/test-app';

/** The `Set-Cookie` lines of a response, by cookie name. */
function setCookies(res: { headers: Record<string, unknown> }): Record<string, string> {
  const raw = res.headers['set-cookie'];
  const lines = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  return Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l]));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function login(agent: TestAgent, username: string, password: string): Promise<LoginResult> {
  const res = await agent.post('/api/auth/login').send({ username, password }).expect(200);
  return res.body as LoginResult;
}

describe('accounts, sessions and login', () => {
  let t: TestApp;

  /** A new account (made by the admin) logged in: the user and a request builder with its bearer token. */
  async function newSession(username: string, password: string, role: User['role']) {
    const user = (await t.http().post('/api/users').send({ username, password, role }).expect(201))
      .body as User;
    const session = await login(t.anon(), username, password);
    return { user, bearer: () => t.anon().set('Authorization', `Bearer ${session.token}`) };
  }

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('login sets an httpOnly SameSite=Strict session cookie and a readable CSRF cookie, and returns a bearer token', async () => {
    const res = await t
      .anon()
      .post('/api/auth/login')
      .send({ username: TEST_ADMIN, password: TEST_PASSWORD })
      .expect(200);
    const body = res.body as LoginResult;
    expect(body).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      user: expect.objectContaining({ username: TEST_ADMIN, role: 'admin', disabled: false }),
    });
    expect(body.user.lastLoginAt).not.toBeNull();
    const cookies = setCookies(res);
    expect(cookies['jb_session']).toContain(`jb_session=${body.token}`);
    expect(cookies['jb_session']).toMatch(/HttpOnly/i);
    expect(cookies['jb_session']).toMatch(/SameSite=Strict/i);
    expect(cookies['jb_session']).toMatch(/Path=\//);
    expect(cookies['jb_session']).not.toMatch(/Secure/i); // plain HTTP here
    expect(cookies['jb_csrf']).toContain(`jb_csrf=${body.csrfToken}`);
    expect(cookies['jb_csrf']).not.toMatch(/HttpOnly/i);
    expect(cookies['jb_csrf']).toMatch(/SameSite=Strict/i);

    const me = await t.anon().get('/api/auth/me').set('Authorization', `Bearer ${body.token}`).expect(200);
    expect(me.body as SessionInfo).toEqual({
      user: expect.objectContaining({ username: TEST_ADMIN }),
      csrfToken: body.csrfToken,
      expiresAt: expect.any(String),
    });
  });

  it('wrong passwords and unknown names get the same 401 in the error shape', async () => {
    const wrong = await t
      .anon()
      .post('/api/auth/login')
      .send({ username: TEST_ADMIN, password: '不对的密码12345' })
      .expect(401);
    const unknown = await t
      .anon()
      .post('/api/auth/login')
      .send({ username: '没有这个人', password: '不对的密码12345' })
      .expect(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Invalid username or password',
    });
    expect(unknown.body).toEqual(wrong.body);
    await t.anon().post('/api/auth/login').send({ username: TEST_ADMIN }).expect(400);
    await t
      .anon()
      .post('/api/auth/login')
      .send({ username: ['x'], password: 1 })
      .expect(400);
  });

  it('anonymous callers get 401, garbage tokens too', async () => {
    const res = await t.anon().get('/api/clippings').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    await t
      .anon()
      .get('/api/clippings')
      .set('Authorization', 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
      .expect(401);
    await t.anon().get('/api/clippings').set('Authorization', "Bearer ' OR 1=1 --").expect(401);
    await t.anon().get('/api/clippings').set('Cookie', 'jb_session=%ZZ').expect(401);
  });

  it('with the cookie, a state-changing request needs X-CSRF-Token; with a bearer token it does not', async () => {
    const browser = t.anon();
    const session = await login(browser, TEST_ADMIN, TEST_PASSWORD);
    await browser.get('/api/publications').expect(200); // reads need no CSRF token
    const missing = await browser.post('/api/publications').send({ name: '无令牌日报' }).expect(403);
    expect(missing.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'CSRF token missing or invalid',
    });
    await browser
      .post('/api/publications')
      .set('X-CSRF-Token', 'forged')
      .send({ name: '伪造日报' })
      .expect(403);
    await browser
      .post('/api/publications')
      .set('X-CSRF-Token', session.csrfToken)
      .send({ name: '有令牌日报' })
      .expect(201);
    await t
      .anon()
      .post('/api/publications')
      .set('Authorization', `Bearer ${session.token}`)
      .send({ name: '令牌日报' })
      .expect(201);
    const names = ((await t.http().get('/api/publications').expect(200)).body as { name: string }[]).map(
      (p) => p.name,
    );
    expect(names).toEqual(expect.arrayContaining(['有令牌日报', '令牌日报']));
    expect(names).not.toContain('无令牌日报');
    expect(names).not.toContain('伪造日报');
  });

  it('logout ends the session and clears the cookies', async () => {
    const browser = t.anon();
    const session = await login(browser, TEST_ADMIN, TEST_PASSWORD);
    await browser.get('/api/auth/me').expect(200);
    await browser.post('/api/auth/logout').expect(403); // CSRF applies to logout too
    const res = await browser.post('/api/auth/logout').set('X-CSRF-Token', session.csrfToken).expect(204);
    expect(setCookies(res)['jb_session']).toMatch(/jb_session=;.*Expires=Thu, 01 Jan 1970/);
    await t.anon().get('/api/auth/me').set('Cookie', `jb_session=${session.token}`).expect(401);
    await t.anon().get('/api/auth/me').set('Authorization', `Bearer ${session.token}`).expect(401);
  });

  it('a password change ends the other sessions, keeps this one; the old password stops working', async () => {
    const viewer = (
      await t
        .http()
        .post('/api/users')
        .send({ username: '读者甲', password: '旧密码旧密码旧密码', role: 'viewer' })
        .expect(201)
    ).body as User;
    const first = await login(t.anon(), '读者甲', '旧密码旧密码旧密码');
    const second = await login(t.anon(), '读者甲', '旧密码旧密码旧密码');
    const bearer = (token: string) => t.anon().set('Authorization', `Bearer ${token}`);
    const wrong = await bearer(first.token)
      .post('/api/auth/password')
      .send({ currentPassword: '猜的猜的猜的猜的', newPassword: '新密码新密码新密码' })
      .expect(400);
    expect(wrong.body).toMatchObject({ statusCode: 400, message: 'The current password is wrong' });
    await bearer(first.token)
      .post('/api/auth/password')
      .send({ currentPassword: '旧密码旧密码旧密码', newPassword: '短' })
      .expect(400);
    await bearer(first.token)
      .post('/api/auth/password')
      .send({ currentPassword: '旧密码旧密码旧密码', newPassword: '新密码新密码新密码' })
      .expect(204);
    await bearer(first.token).get('/api/auth/me').expect(200);
    await bearer(second.token).get('/api/auth/me').expect(401);
    await t
      .anon()
      .post('/api/auth/login')
      .send({ username: '读者甲', password: '旧密码旧密码旧密码' })
      .expect(401);
    await login(t.anon(), '读者甲', '新密码新密码新密码');
    const audit = (await t.http().get('/api/audit?action=password-changed').expect(200))
      .body as Page<AuditEvent>;
    expect(audit.items[0]).toMatchObject({
      action: 'password-changed',
      actorId: viewer.id,
      targetId: String(viewer.id),
    });
  });

  it('a disabled user is refused and their sessions end; users are never deleted', async () => {
    const { user: editor, bearer } = await newSession('编辑乙', '编辑乙的密码很长', 'editor');
    await bearer().get('/api/auth/me').expect(200);
    const patched = await t.http().patch(`/api/users/${editor.id}`).send({ disabled: true }).expect(200);
    expect(patched.body).toMatchObject({ id: editor.id, disabled: true });
    await bearer().get('/api/auth/me').expect(401);
    const refused = await t
      .anon()
      .post('/api/auth/login')
      .send({ username: '编辑乙', password: '编辑乙的密码很长' })
      .expect(401);
    expect(refused.body.message).toBe('This account is disabled');
    await t.http().delete(`/api/users/${editor.id}`).expect(404); // no such route: disable instead
    const users = (await t.http().get('/api/users').expect(200)).body as User[];
    expect(users.find((u) => u.id === editor.id)).toMatchObject({ disabled: true });
  });

  it('a role change applies to the running session at once (the guard keeps no stale answer)', async () => {
    const publication = await createPublication(t, { name: '角色变更日报' });
    const { user, bearer } = await newSession('编辑丙', '编辑丙的密码很长', 'editor');
    const clipping = {
      publicationId: publication.id,
      issueDate: '2024-10-22',
      pageLabel: '2',
      body: '角色测试的正文。',
    };
    // Read just before (the guard's answer for this token is fresh), then demoted, then refused.
    await bearer().post('/api/clippings').send(clipping).expect(201);
    expect(((await bearer().get('/api/auth/me').expect(200)).body as SessionInfo).user.role).toBe('editor');
    await t.http().patch(`/api/users/${user.id}`).send({ role: 'viewer' }).expect(200);
    expect(((await bearer().get('/api/auth/me').expect(200)).body as SessionInfo).user.role).toBe('viewer');
    const refused = await bearer().post('/api/clippings').send(clipping).expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    await t.http().patch(`/api/users/${user.id}`).send({ role: 'editor' }).expect(200);
    await bearer().post('/api/clippings').send(clipping).expect(201);
  });

  it('the create-user CLI (through runCli, password on stdin) makes an account the running app logs in', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const saved = { ...process.env };
    Object.assign(process.env, t.databaseEnv);
    let code: number;
    try {
      code = await runCli(
        ['create-user', '--role', 'editor', '--username', '命令行编辑', '--password-stdin'],
        {
          stdout: (s) => out.push(s),
          stderr: (s) => err.push(s),
          readStdin: () => Promise.resolve('命令行的密码很长\n'),
        },
      );
      expect(
        await runCli(['create-user', '--admin', '--username', '命令行编辑', '--password-stdin'], {
          stdout: (s) => out.push(s),
          stderr: (s) => err.push(s),
          readStdin: () => Promise.resolve('另一个密码很长很长'),
        }),
      ).toBe(1);
      expect(
        await runCli(['create-user', '--admin', '--username', '空密码', '--password-stdin'], {
          stdout: (s) => out.push(s),
          stderr: (s) => err.push(s),
          readStdin: () => Promise.resolve(''),
        }),
      ).toBe(2);
    } finally {
      process.env = saved;
    }
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/created editor 命令行编辑/);
    expect(err.join('')).toMatch(/already exists[\s\S]*no password/);
    const session = await login(t.anon(), '命令行编辑', '命令行的密码很长');
    expect(session.user.role).toBe('editor');
  });

  it('security headers (helmet, CSP for the Angular app) are set', async () => {
    const res = await t.anon().get('/api/health').expect(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('a 2 MB page is accepted; a 50 MB body is a 413 in the error shape', async () => {
    const pub = await createPublication(t, { name: '大页日报' });
    // 2 MB of UTF-8 as lines of Chinese text (3 bytes a character).
    const line = '本报讯今天全市各地天气晴好气温适宜市民纷纷外出踏青游玩。'.repeat(4);
    const lines = Math.floor((2 * 1024 * 1024 - 1024) / (Buffer.byteLength(line) + 1));
    const text = Array.from({ length: lines }, () => line).join('\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024 - 2048);
    const ok = await t
      .http()
      .post('/api/imports/preview')
      .send({ text, publicationId: pub.id, issueDate: '2024-05-01', pageLabel: 'A1' });
    expect(ok.status).toBe(200);
    const huge = await t
      .http()
      .post('/api/imports/preview')
      .set('Content-Type', 'application/json')
      .send(
        JSON.stringify({
          text: 'x'.repeat(50 * 1024 * 1024),
          publicationId: pub.id,
          issueDate: '2024-05-01',
          pageLabel: 'A1',
        }),
      );
    expect(huge.status).toBe(413);
    expect(huge.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: expect.any(String) });
  });

  it('the audit log records logins, failures, logouts and user changes, newest first, for admins only', async () => {
    const page = (await t.http().get('/api/audit?pageSize=200').expect(200)).body as Page<AuditEvent>;
    const actions = new Set(page.items.map((e) => e.action));
    for (const action of [
      'login',
      'login-failed',
      'logout',
      'user-created',
      'user-disabled',
      'password-changed',
    ])
      expect(actions).toContain(action);
    const ids = page.items.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const failed = (await t.http().get('/api/audit?action=login-failed').expect(200))
      .body as Page<AuditEvent>;
    expect(failed.items.every((e) => e.action === 'login-failed')).toBe(true);
    expect(failed.items.find((e) => e.detail?.['username'] === '没有这个人')).toMatchObject({
      actorId: null,
      ip: expect.any(String),
    });
    await t.http().get('/api/audit?action=DROP%20TABLE').expect(400);
    await (await t.as('editor')).get('/api/audit').expect(403);
  });

  it('users admin: create, duplicate 409, role change, the last admin cannot be demoted', async () => {
    const created = await t
      .http()
      .post('/api/users')
      .send({ username: '新同事', password: '新同事的密码很长', role: 'viewer' })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      username: '新同事',
      role: 'viewer',
      disabled: false,
      createdAt: expect.any(String),
      lastLoginAt: null,
    });
    expect((created.body as Record<string, unknown>)['passwordHash']).toBeUndefined();
    await t
      .http()
      .post('/api/users')
      .send({ username: '新同事', password: '另外一个密码很长', role: 'viewer' })
      .expect(409);
    await t
      .http()
      .post('/api/users')
      .send({ username: '新同事2', password: '短', role: 'viewer' })
      .expect(400);
    await t
      .http()
      .post('/api/users')
      .send({ username: '<img src=x>', password: '新同事的密码很长', role: 'viewer' })
      .expect(400);
    await t
      .http()
      .post('/api/users')
      .send({ username: '新同事3', password: '新同事的密码很长', role: 'root' })
      .expect(400);
    const promoted = await t
      .http()
      .patch(`/api/users/${created.body.id}`)
      .send({ role: 'editor' })
      .expect(200);
    expect(promoted.body.role).toBe('editor');
    const me = (await t.http().get('/api/auth/me').expect(200)).body as SessionInfo;
    const demote = await t.http().patch(`/api/users/${me.user.id}`).send({ role: 'editor' }).expect(409);
    expect(demote.body.message).toMatch(/last active admin/);
    await t.http().patch(`/api/users/${me.user.id}`).send({ disabled: true }).expect(409);
    await t.http().patch('/api/users/999999').send({ role: 'viewer' }).expect(404);
    await (
      await t.as('editor')
    )
      .post('/api/users')
      .send({ username: '越权', password: '越权的密码很长很长', role: 'admin' })
      .expect(403);
  });
});

describe('session expiry', () => {
  it('ends a session idle longer than SESSION_TTL_HOURS', async () => {
    const t = await startTestApp({ config: { sessionTtlHours: 1.5 / 3600 } });
    try {
      const session = await login(t.anon(), TEST_ADMIN, TEST_PASSWORD);
      const me = () => t.anon().get('/api/auth/me').set('Authorization', `Bearer ${session.token}`);
      await me().expect(200);
      await sleep(700);
      await me().expect(200); // used: the idle clock restarts
      await sleep(1000);
      await me().expect(200);
      await sleep(1700);
      await me().expect(401);
    } finally {
      await t.close();
    }
  });

  it('ends a session SESSION_MAX_DAYS after login however busy', async () => {
    const t = await startTestApp({ config: { sessionMaxDays: 1.5 / 86400 } });
    try {
      const session = await login(t.anon(), TEST_ADMIN, TEST_PASSWORD);
      const me = () => t.anon().get('/api/auth/me').set('Authorization', `Bearer ${session.token}`);
      for (let i = 0; i < 3; i += 1) {
        await me().expect(200);
        await sleep(300);
      }
      await sleep(700);
      await me().expect(401);
    } finally {
      await t.close();
    }
  });
});

describe('login rate limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t
      .http()
      .post('/api/users')
      .send({ username: '被猜的人', password: '被猜的人的密码很长', role: 'viewer' })
      .expect(201);
  });

  afterAll(async () => {
    await t.close();
  });

  it('after 5 failures an account answers 429 with Retry-After, even to the right password; others are unaffected', async () => {
    for (let i = 0; i < 5; i += 1)
      await t
        .anon()
        .post('/api/auth/login')
        .send({ username: '被猜的人', password: `猜测${i}猜测猜测猜测` })
        .expect(401);
    const limited = await t
      .anon()
      .post('/api/auth/login')
      .send({ username: '被猜的人', password: '被猜的人的密码很长' })
      .expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
    expect(limited.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/try again/),
    });
    await login(t.anon(), TEST_ADMIN, TEST_PASSWORD);
  });

  it('after 20 failures from one address every login from it answers 429', async () => {
    // 5 failures above, 15 more over other (unknown) names.
    for (let i = 0; i < 15; i += 1)
      await t
        .anon()
        .post('/api/auth/login')
        .send({ username: `路人${i}`, password: '随便什么密码都行' })
        .expect(401);
    const res = await t
      .anon()
      .post('/api/auth/login')
      .send({ username: TEST_ADMIN, password: TEST_PASSWORD })
      .expect(429);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    // Existing sessions are not affected.
    await t.http().get('/api/auth/me').expect(200);
  });
});

describe('one-time setup on a fresh install', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ withAdmin: false });
  });

  afterAll(async () => {
    await t.close();
  });

  it('is open until the first admin exists, then answers 401/403/409 and health stops asking for it', async () => {
    expect((await t.anon().get('/api/health').expect(200)).body.setupRequired).toBe(true);
    await t.anon().get('/api/clippings').expect(401);
    await t.anon().post('/api/auth/setup').send({ username: '站长', password: '短' }).expect(400);
    await t
      .anon()
      .post('/api/auth/setup')
      .send({ username: 'x', password: '站长的密码很长很长' })
      .expect(400);
    const res = await t
      .anon()
      .post('/api/auth/setup')
      .send({ username: '站长', password: '站长的密码很长很长' })
      .expect(201);
    const body = res.body as LoginResult;
    expect(body.user).toMatchObject({ username: '站长', role: 'admin' });
    expect(setCookies(res)['jb_session']).toMatch(/HttpOnly/i);
    expect((await t.anon().get('/api/health').expect(200)).body.setupRequired).toBe(false);

    await t
      .anon()
      .post('/api/auth/setup')
      .send({ username: '第二个', password: '第二个的密码很长很长' })
      .expect(401);
    const admin = t.anon().set('Authorization', `Bearer ${body.token}`);
    const again = await admin
      .post('/api/auth/setup')
      .send({ username: '第二个', password: '第二个的密码很长很长' })
      .expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    await admin
      .post('/api/users')
      .send({ username: '小编', password: '小编的密码很长很长', role: 'editor' })
      .expect(201);
    const editor = await login(t.anon(), '小编', '小编的密码很长很长');
    await t
      .anon()
      .set('Authorization', `Bearer ${editor.token}`)
      .post('/api/auth/setup')
      .send({ username: '第三个', password: '第三个的密码很长很长' })
      .expect(403);
    const audit = (await admin.get('/api/audit?action=setup').expect(200)).body as Page<AuditEvent>;
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ action: 'setup', actorName: '站长' });
  });
});
