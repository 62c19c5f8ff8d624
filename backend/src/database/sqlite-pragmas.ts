import type { DataSource } from 'typeorm';

/**
 * How much of the database file each SQLite connection reads through a memory map (`PRAGMA mmap_size`;
 * SQLite caps it at its compile-time maximum, 2 GiB in the bundled build). Without it every page a
 * statement touches outside the connection's 2 MB page cache is a `pread` system call and a copy: a
 * list page sorting ~900 matches by their rows spent more time in the kernel than in SQLite (3.6 ms
 * of CPU, 2.0 of it system time, at 100,000 clippings; 1.1 ms mapped). The map shares the operating
 * system's page cache between the connections instead of each copying pages into its own cache.
 */
export const SQLITE_MMAP_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * Connection settings TypeORM's sqlite driver does not cover: it already sets journal_mode=WAL
 * (`enableWAL`), busy_timeout (`busyTimeout`) and foreign_keys=ON on connect; synchronous is ours.
 * The sqlite driver keeps a single connection, so setting it once after connecting holds for its life;
 * the read-only connections (sqlite-read-pool.ts) set the same map.
 */
export async function applySqlitePragmas(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'sqlite') return;
  await dataSource.query('PRAGMA synchronous = NORMAL');
  await dataSource.query(`PRAGMA mmap_size = ${SQLITE_MMAP_BYTES}`);
}

/** The effective SQLite settings (for tests and the health check's diagnostics). */
export async function readSqlitePragmas(dataSource: DataSource): Promise<Record<string, unknown>> {
  const one = async (name: string): Promise<unknown> => {
    const rows = (await dataSource.query(`PRAGMA ${name}`)) as Record<string, unknown>[];
    return rows[0] ? Object.values(rows[0])[0] : undefined;
  };
  return {
    journal_mode: await one('journal_mode'),
    foreign_keys: await one('foreign_keys'),
    synchronous: await one('synchronous'),
    busy_timeout: await one('busy_timeout'),
    mmap_size: await one('mmap_size'),
  };
}
