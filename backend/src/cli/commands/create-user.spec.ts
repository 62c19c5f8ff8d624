import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import argon2 from 'argon2';
import { loadConfig } from '../../config/app-config';
import { openDataSource } from '../../database/data-source';
import { readAllStdin, runCreateUser } from './create-user';

describe('create-user command', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
  const stdin = (text: string) => () => Promise.resolve(text);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-cli-user-'));
    out = [];
    err = [];
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates an admin from stdin, stores an argon2id hash and an audit event, refuses the same name again', async () => {
    const env = { DATABASE_PATH: join(dir, 'u.sqlite') };
    const args = ['--admin', '--username', '管理员', '--password-stdin'];
    expect(await runCreateUser(args, io, env, stdin('长城长城长城长城8\n'))).toBe(0);
    expect(out.join('')).toMatch(/created admin 管理员 \(id \d+\)/);

    const ds = await openDataSource(loadConfig(env));
    try {
      const [row] = (await ds.query(
        "SELECT password_hash, role FROM app_user WHERE username = '管理员'",
      )) as {
        password_hash: string;
        role: string;
      }[];
      expect(row?.role).toBe('admin');
      expect(row?.password_hash).toMatch(/^\$argon2id\$/);
      expect(await argon2.verify(row?.password_hash ?? '', '长城长城长城长城8')).toBe(true);
      const events = (await ds.query('SELECT action, target_type FROM audit_event')) as unknown[];
      expect(events).toEqual([{ action: 'user-created', target_type: 'user' }]);
    } finally {
      await ds.destroy();
    }

    expect(await runCreateUser(args, io, env, stdin('另一个密码12345'))).toBe(1);
    expect(err.join('')).toMatch(/already exists/);
  });

  it('refuses empty and short passwords, a missing --password-stdin, a bad role or name (exit 2)', async () => {
    const env = { DATABASE_PATH: join(dir, 'u.sqlite') };
    expect(
      await runCreateUser(['--admin', '--username', 'root', '--password-stdin'], io, env, stdin('')),
    ).toBe(2);
    expect(err.pop()).toMatch(/no password/);
    expect(
      await runCreateUser(['--admin', '--username', 'root', '--password-stdin'], io, env, stdin('short\n')),
    ).toBe(2);
    expect(err.pop()).toMatch(/at least 8/);
    expect(await runCreateUser(['--admin', '--username', 'root'], io, env, stdin('长城长城长城长城'))).toBe(
      2,
    );
    expect(err.pop()).toMatch(/--password-stdin is required/);
    expect(
      await runCreateUser(['--role', 'god', '--username', 'root', '--password-stdin'], io, env, stdin('x')),
    ).toBe(2);
    expect(
      await runCreateUser(['--admin', '--username', "a'; DROP", '--password-stdin'], io, env, stdin('x')),
    ).toBe(2);
    expect(await runCreateUser(['--frobnicate'], io, env)).toBe(2);
  });

  it('reads all of a stream', async () => {
    expect(await readAllStdin(Readable.from([Buffer.from('密码'), Buffer.from('123\n')]))).toBe('密码123\n');
  });
});
