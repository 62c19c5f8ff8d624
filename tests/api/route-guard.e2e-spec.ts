import type { Role } from '@jianbao/contracts';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
// The need of each route is read from the running app's own metadata, the routes from its router.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { PUBLIC_KEY, ROLE_KEY, SETUP_KEY } from '@jianbao/backend';
import { startTestApp, TEST_PASSWORD, type TestAgent, type TestApp } from '../fixtures/test-app';

type Need = Role | 'public' | 'setup';
interface Route {
  method: string;
  path: string;
}

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };
const ROLES: Role[] = ['viewer', 'editor', 'admin'];

/** Every route of the Express router (Express 5: `app.router`), as `METHOD /path`. */
function expressRoutes(t: TestApp): Route[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router?: { stack: Layer[] };
    _router?: { stack: Layer[] };
  };
  interface Layer {
    route?: { path: string | string[]; methods: Record<string, boolean> };
  }
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes: Route[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    for (const path of paths)
      for (const [method, on] of Object.entries(layer.route.methods))
        if (on && method !== '_all') routes.push({ method: method.toUpperCase(), path });
  }
  return routes;
}

/** Declared need per `METHOD /api/path`, from the controllers' metadata (what the guard reads). */
function declaredNeeds(t: TestApp): Map<string, Need> {
  const reflector = t.app.get(Reflector);
  const needs = new Map<string, Need>();
  const join = (...parts: string[]): string =>
    `/${parts
      .flatMap((p) => p.split('/'))
      .filter(Boolean)
      .join('/')}`;
  for (const mod of t.app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => object) | null;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const targets = [handler as () => unknown, controller];
        const verb = RequestMethod[method];
        let need: Need;
        if (reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) need = 'public';
        else if (reflector.getAllAndOverride<boolean>(SETUP_KEY, targets)) need = 'setup';
        else
          need =
            reflector.getAllAndOverride<Role | undefined>(ROLE_KEY, targets) ??
            (verb === 'GET' || verb === 'HEAD' ? 'viewer' : 'editor');
        for (const b of [base ?? ''].flat())
          for (const s of [sub ?? ''].flat()) needs.set(`${verb} ${join('api', b, s)}`, need);
      }
    }
  }
  return needs;
}

/** A concrete URL for a route pattern: every `:param` becomes a plausible (missing) id. */
function concrete(path: string): string {
  return path.replace(/:[A-Za-z_]+/g, '999999').replace(/\{[^}]*\}/g, '');
}

/** Routes the contract says only admins may call, whatever the controllers declare. */
const ADMIN_ONLY: RegExp[] = [
  /^(GET|POST|PATCH) \/api\/users/,
  /^GET \/api\/audit/,
  /^\w+ \/api\/trash/,
  /^DELETE \/api\/(clippings|imports|publications|tags|regions)\/:id$/,
  /^(POST|PATCH) \/api\/publications/,
  /^(POST|PATCH) \/api\/tags(\/:id)?$/,
  /^POST \/api\/tags\/:id\/(merge|apply)$/,
  /^POST \/api\/exports\/import$/,
];

describe('every route is guarded', () => {
  let t: TestApp;
  let agents: Record<Role, TestAgent>;
  const send = (agent: TestAgent, r: Route) =>
    agent[r.method.toLowerCase() as 'get'](concrete(r.path)).set('Content-Type', 'application/json');

  beforeAll(async () => {
    t = await startTestApp();
    // An admin of its own: the fixture's shared admin token must not be logged out by the sweep below.
    await t
      .http()
      .post('/api/users')
      .send({ username: '巡查管理员', password: TEST_PASSWORD, role: 'admin' })
      .expect(201);
    const login = await t
      .anon()
      .post('/api/auth/login')
      .send({ username: '巡查管理员', password: TEST_PASSWORD })
      .expect(200);
    agents = {
      viewer: await t.as('viewer'),
      editor: await t.as('editor'),
      admin: t.anon().set('Authorization', `Bearer ${login.body.token as string}`),
    };
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 401 to anonymous callers and 403 to a role below the need, on every route of the running app', async () => {
    const routes = expressRoutes(t);
    const needs = declaredNeeds(t);
    const table: {
      route: string;
      need: Need;
      anonymous: number;
      viewer: number;
      editor: number;
      admin: number;
    }[] = [];
    const problems: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      // Express-level routes (the OpenAPI UI and document) have no controller: any logged-in user reads them.
      const need: Need = needs.get(key) ?? (r.path.startsWith('/api/docs') ? 'viewer' : 'admin');
      if (!needs.has(key) && !r.path.startsWith('/api/docs'))
        problems.push(`${key}: no controller metadata found`);
      const row = { route: key, need, anonymous: 0, viewer: 0, editor: 0, admin: 0 };
      row.anonymous = (await send(t.anon(), r)).status;
      if (need === 'public') {
        if (row.anonymous === 401 || row.anonymous === 403)
          problems.push(`${key}: public but ${row.anonymous}`);
      } else if (row.anonymous !== 401) problems.push(`${key}: anonymous got ${row.anonymous}, expected 401`);
      const needRole: Role | null = need === 'public' ? null : need === 'setup' ? 'admin' : need;
      for (const role of ROLES) {
        // Logging out would end the session the remaining checks use: only the refusals are probed.
        if (key === 'POST /api/auth/logout' && needRole && RANK[role] >= RANK[needRole]) continue;
        const status = (await send(agents[role], r)).status;
        row[role] = status;
        if (!needRole) continue;
        if (RANK[role] < RANK[needRole]) {
          if (status !== 403)
            problems.push(`${key}: ${role} got ${status}, expected 403 (needs ${needRole})`);
        } else if (status === 401 || status === 403) {
          problems.push(`${key}: ${role} got ${status} but the route needs only ${needRole}`);
        } else if (status >= 500) problems.push(`${key}: ${role} got ${status}`);
      }
      table.push(row);
    }
    console.log(
      `${table.length} routes\n` +
        table
          .map(
            (r) =>
              `${r.route.padEnd(48)} ${r.need.padEnd(7)} anon ${r.anonymous} viewer ${r.viewer} editor ${r.editor} admin ${r.admin}`,
          )
          .join('\n'),
    );
    for (const row of table)
      if (ADMIN_ONLY.some((re) => re.test(row.route)) && row.need !== 'admin')
        problems.push(`${row.route}: must be admin-only, declared ${row.need}`);
    const open = table.filter((r) => r.need === 'public').map((r) => r.route);
    expect(open.sort()).toEqual(['GET /api/health', 'POST /api/auth/login']);
    expect(problems).toEqual([]);
    expect(table.length).toBeGreaterThan(40);
  });

  it('finds at least as many routes as the OpenAPI document lists, so none can hide', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const found = new Set(expressRoutes(t).map((r) => `${r.method} ${r.path}`));
    expect(found.size).toBeGreaterThanOrEqual(documented.length);
    expect(documented.filter((d) => !found.has(d))).toEqual([]);
  });

  it('the OpenAPI UI and document need a login too', async () => {
    await t.anon().get('/api/docs-json').expect(401);
    await t.anon().get('/api/docs').expect(401);
    await agents.viewer.get('/api/docs-json').expect(200);
  });
});
