import type { Role } from '@jianbao/contracts';
import { HttpException } from '@nestjs/common';
import { parseArgs } from 'node:util';
import { AuditRepository } from '../../audit/audit.repository';
import { AuditService } from '../../audit/audit.service';
import { type AppConfig, ConfigError, loadConfig } from '../../config/app-config';
import { ENTITIES } from '../../app/entities';
import { openDataSource } from '../../database/data-source';
import { TransactionRunner } from '../../database/transaction-runner';
import { ReadQueries } from '../../database/read-queries';
import { passwordProblem, USERNAME_PATTERN } from '../../users/password-hasher';
import { SessionCache } from '../../users/session-cache';
import { SessionsRepository } from '../../users/sessions.repository';
import { UsersRepository } from '../../users/users.repository';
import { UsersService } from '../../users/users.service';
import { EXIT_USAGE, type CliCommand, type CliIo } from './command';

const USAGE =
  'usage: create-user (--admin | --role viewer|editor|admin) --username NAME --password-stdin\n' +
  '  creates an account; the password is read from standard input (first line), never prompted for';

const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];

/** Reads all of standard input as UTF-8. */
export async function readAllStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `create-user`: the non-interactive way to make the first admin (or any account). Exit code 0 when
 * created; 2 for bad arguments or an unacceptable password; 1 when the name is taken or the
 * configuration is invalid.
 */
export async function runCreateUser(
  args: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
  readStdin: () => Promise<string> = io.readStdin ?? (() => readAllStdin()),
): Promise<number> {
  let values: {
    admin?: boolean;
    role?: string;
    username?: string;
    'password-stdin'?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        admin: { type: 'boolean' },
        role: { type: 'string' },
        username: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    io.stderr(`create-user: ${(e as Error).message}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const fail = (message: string, code = EXIT_USAGE): number => {
    io.stderr(`create-user: ${message}\n`);
    return code;
  };
  if (values.admin && values.role !== undefined && values.role !== 'admin')
    return fail('--admin and --role disagree');
  const role = values.admin ? 'admin' : (values.role ?? 'viewer');
  if (!ROLES.includes(role as Role)) return fail(`--role must be one of ${ROLES.join(', ')}`);
  const username = values.username;
  if (username === undefined) return fail(`--username is required\n${USAGE}`);
  if (!USERNAME_PATTERN.test(username))
    return fail('the username must be 2 to 64 letters, digits, dots, underscores or hyphens');
  if (!values['password-stdin'])
    return fail(`--password-stdin is required (passwords are never prompted for)\n${USAGE}`);
  // The first line of stdin: `echo "$PW" | …` and `printf %s "$PW" | …` both work.
  const password = (await readStdin()).split(/\r?\n/)[0] ?? '';
  if (password === '') return fail('no password on standard input');
  const problem = passwordProblem(password);
  if (problem) return fail(problem);

  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return fail(e.message, 1);
    throw e;
  }
  const dataSource = await openDataSource(config, { entities: ENTITIES });
  try {
    const transactions = new TransactionRunner(dataSource);
    const sessions = new SessionCache(transactions);
    const users = new UsersService(
      new UsersRepository(dataSource, sessions),
      new SessionsRepository(dataSource, new ReadQueries(dataSource, 0), sessions),
      transactions,
      new AuditService(new AuditRepository(dataSource), transactions),
    );
    const user = await users.create({ username, password, role: role as Role }, { actor: null, ip: 'cli' });
    io.stdout(`created ${user.role} ${user.username} (id ${user.id})\n`);
    return 0;
  } catch (e) {
    if (e instanceof HttpException) return fail(e.message, 1);
    throw e;
  } finally {
    await dataSource.destroy();
  }
}

/** The `create-user` command for the CLI registry. */
export const createUserCommand: CliCommand = {
  name: 'create-user',
  summary: 'create an account: --admin|--role R --username NAME --password-stdin',
  run: (args, io) => runCreateUser(args, io),
};
