import { readdirSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { MigrationInterface } from 'typeorm';

/** A migration class as TypeORM takes it. */
export type MigrationClass = new () => MigrationInterface;

/**
 * The workspace `migrations/` folder next to this build: `<root>/migrations` when running from source
 * (jest/swc), `dist/backend/migrations` when running the compiled app. Computed at run time on purpose:
 * the migrations are their own Nx project, so a static relative import would cross a module boundary.
 */
export function defaultMigrationsDir(): string {
  return resolve(__dirname, '..', '..', '..', 'migrations');
}

const MIGRATION_FILE = /^\d{13}-[A-Za-z0-9]+\.(ts|js)$/;

/** Every migration class in `dir`, in file-name (timestamp) order; `.ts` from source, `.js` when compiled. */
export async function loadMigrations(dir = defaultMigrationsDir()): Promise<MigrationClass[]> {
  const ext = extname(__filename);
  const files = readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f) && extname(f) === ext)
    .sort();
  const classes: MigrationClass[] = [];
  for (const file of files) {
    const mod = (await import(join(dir, file))) as Record<string, unknown>;
    const found = Object.values(mod).filter(
      (v): v is MigrationClass => typeof v === 'function' && /\d{13}$/.test(v.name),
    );
    if (found.length !== 1) throw new Error(`Migration file ${file} must export exactly one migration class`);
    classes.push(...found);
  }
  return classes;
}
