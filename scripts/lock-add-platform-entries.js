// The npm registry reachable here does not serve every platform build of packages that ship native
// binaries as optional per-platform packages (e.g. @node-rs/jieba-darwin-arm64), so `npm install`
// leaves them out of package-lock.json and `npm ci` then refuses the lock as out of sync. This adds
// the missing entries with their os/cpu/libc constraints: npm skips them on other platforms and
// never fetches them. Run after any `npm install` that rewrites the lock: `node scripts/lock-add-platform-entries.js`.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const file = join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const OS = {
  android: 'android',
  darwin: 'darwin',
  freebsd: 'freebsd',
  linux: 'linux',
  win32: 'win32',
  openbsd: 'openbsd',
  openharmony: 'openharmony',
  sunos: 'sunos',
  aix: 'aix',
  netbsd: 'netbsd',
};
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'universal'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const osIdx = parts.findIndex((p) => OS[p]);
  if (osIdx < 0) return null;
  const rest = parts.slice(osIdx + 1);
  const cpu =
    rest.find((p) => CPU.includes(p)) ??
    (rest.includes('arm') || rest.some((p) => p.startsWith('gnueabihf')) ? 'arm' : null);
  if (!cpu) return null;
  const entry = { os: [OS[parts[osIdx]]], cpu: cpu === 'universal' ? ['x64', 'arm64'] : [cpu] };
  if (rest.some((p) => p.startsWith('musl'))) entry.libc = ['musl'];
  else if (entry.os[0] === 'linux' && rest.some((p) => p.startsWith('gnu'))) entry.libc = ['glibc'];
  return entry;
}

let added = 0;
for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    if (lock.packages[base] || lock.packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform || !/^\d+\.\d+\.\d+/.test(spec)) continue;
    lock.packages[`node_modules/${dep}`] = { version: spec, optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${added} platform entries`);
