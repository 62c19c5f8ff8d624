import type { DataSource } from 'typeorm';

/**
 * Connection settings TypeORM's sqlite driver does not cover: it already sets journal_mode=WAL
 * (`enableWAL`), busy_timeout (`busyTimeout`) and foreign_keys=ON on connect; synchronous is ours.
 * The sqlite driver keeps a single connection, so setting it once after connecting holds for its life.
 */
export async function applySqlitePragmas(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'sqlite') return;
  await dataSource.query('PRAGMA synchronous = NORMAL');
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
  };
}
