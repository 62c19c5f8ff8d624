// A throwaway local PostgreSQL for tests: initdb in a temp folder, start it on a free loopback port
// (trust auth, loopback only, fsync off — it holds test databases only), then
//   node scripts/pg-local.js run -- CMD ARGS…   run CMD with TEST_DATABASE_URL set, stop and delete after;
//   node scripts/pg-local.js start             start, print `export TEST_DATABASE_URL=… PG_LOCAL_DIR=…`;
//   node scripts/pg-local.js stop DIR          stop the server started by `start` and delete DIR.
// Binaries: $PG_BIN, else `postgres`/`initdb`/`pg_ctl` on PATH, else the newest /usr/lib/postgresql/<v>/bin.
// PostgreSQL refuses to run as root: as root the server runs as the `postgres` user (Debian's package
// creates it). Builtins only, so CI can start it before `npm ci`.
const { spawnSync, spawn } = require('node:child_process');
const {
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  chmodSync,
  chownSync,
  writeFileSync,
} = require('node:fs');
const { join } = require('node:path');
const net = require('node:net');
const os = require('node:os');

function fail(message) {
  process.stderr.write(`pg-local: ${message}\n`);
  process.exit(1);
}

function findBinDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim()) {
    const real = require('node:fs').realpathSync(onPath.stdout.trim());
    return join(real, '..');
  }
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(base, versions[0], 'bin');
  }
  return fail('no PostgreSQL binaries found (install Debian package `postgresql`, or set PG_BIN)');
}

/** The OS user the server runs as: ourselves, or `postgres` when we are root. */
function serverUser() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0) fail('running as root and there is no `postgres` user to run the server as');
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  return { name: 'postgres', uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function runAs(user, bin, args, options = {}) {
  const [cmd, argv] = user ? ['runuser', ['-u', user.name, '--', bin, ...args]] : [bin, args];
  return spawnSync(cmd, argv, { encoding: 'utf8', ...options });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function start() {
  const bin = findBinDir();
  const user = serverUser();
  const dir = mkdtempSync(join(os.tmpdir(), 'jianbao-pg-'));
  const data = join(dir, 'data');
  chmodSync(dir, 0o755);
  if (user) chownSync(dir, user.uid, user.gid);
  const init = runAs(user, join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  if (init.status !== 0) fail(`initdb failed:\n${init.stdout}${init.stderr}`);
  const port = await freePort();
  const opts = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  const log = join(dir, 'server.log');
  const started = runAs(user, join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-o', opts, '-w', 'start']);
  if (started.status !== 0) {
    const tail = spawnSync('tail', ['-n', '30', log], { encoding: 'utf8' }).stdout;
    fail(`pg_ctl start failed:\n${started.stdout}${started.stderr}\n${tail}`);
  }
  writeFileSync(join(dir, 'bin'), bin);
  return { dir, url: `postgres://postgres@127.0.0.1:${port}/postgres` };
}

function stop(dir) {
  if (!dir || !existsSync(join(dir, 'data'))) return;
  const bin = existsSync(join(dir, 'bin'))
    ? require('node:fs').readFileSync(join(dir, 'bin'), 'utf8')
    : findBinDir();
  runAs(serverUser(), join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
  rmSync(dir, { recursive: true, force: true });
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'start') {
    const { dir, url } = await start();
    process.stdout.write(`export TEST_DATABASE_URL='${url}' PG_LOCAL_DIR='${dir}'\n`);
    return;
  }
  if (command === 'stop') {
    stop(rest[0] ?? process.env.PG_LOCAL_DIR);
    return;
  }
  if (command === 'run') {
    const argv = rest[0] === '--' ? rest.slice(1) : rest;
    if (!argv.length) fail('usage: pg-local.js run -- CMD ARGS…');
    const { dir, url } = await start();
    process.stderr.write(`pg-local: PostgreSQL at ${url} (${dir})\n`);
    let code = 1;
    try {
      const child = spawn(argv[0], argv.slice(1), {
        stdio: 'inherit',
        env: { ...process.env, TEST_DATABASE_URL: url },
      });
      const forward = (signal) => child.kill(signal);
      process.on('SIGINT', forward);
      process.on('SIGTERM', forward);
      code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
    } finally {
      stop(dir);
    }
    process.exit(code);
  }
  fail('usage: pg-local.js start | stop DIR | run -- CMD ARGS…');
}

main().catch((error) => fail(error.stack ?? String(error)));
