import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The workspace's package.json version, found by walking up from this file (source or dist). */
export function readAppVersion(start = __dirname): string {
  let dir = start;
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'jianbao' && typeof pkg.version === 'string') return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return '0.0.0';
    dir = parent;
  }
}
