import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createTestDatabase, ON_POSTGRES, type TestDatabase } from '../fixtures/postgres';
import { AppConfig, loadMigrations, openDataSource, validateConfig } from '../fixtures/test-app';

const TABLES = [
  'article',
  'clipping',
  'clipping_region',
  'clipping_revision',
  'clipping_story',
  'clipping_story_band',
  'clipping_tag',
  'clipping_tag_exclusion',
  'continuation_suggestion',
  'page_import',
  'publication',
  'region',
  'tag',
  'trash_item',
];

async function userTables(ds: DataSource): Promise<string[]> {
  const rows = (await ds.query(
    ON_POSTGRES
      ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'typeorm_migrations' ORDER BY table_name"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'typeorm_migrations' ORDER BY name",
  )) as { name: string }[];
  return rows.map((r) => r.name);
}

/** Named indexes (not those PostgreSQL or SQLite make by themselves for primary keys and UNIQUE constraints). */
async function userIndexes(ds: DataSource): Promise<string[]> {
  const rows = (await ds.query(
    ON_POSTGRES
      ? "SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY indexname"
      : "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  )) as { name: string }[];
  return rows.map((r) => r.name);
}

describe(`migrations on a real ${ON_POSTGRES ? 'PostgreSQL database' : 'SQLite file'}`, () => {
  let dir: string;
  let pg: TestDatabase | null = null;
  let ds: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-migrations-'));
    pg = ON_POSTGRES ? await createTestDatabase() : null;
    const db = pg ? { dbType: 'postgres', databaseUrl: pg.url } : {};
    const config = validateConfig(
      Object.assign(new AppConfig(), { databasePath: join(dir, 'm.sqlite') }, db),
    );
    ds = await openDataSource(config, { migrate: false });
  });

  afterAll(async () => {
    await ds.destroy();
    await pg?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has files named <13-digit ms>-<VerbNoun> with matching class names, in order', async () => {
    const migrations = await loadMigrations();
    expect(migrations.length).toBeGreaterThanOrEqual(8);
    const stamps = migrations.map((m) => Number(/(\d{13})$/.exec(m.name)?.[1]));
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
  });

  it('applies every migration up, then every one down (all tables gone), then up again', async () => {
    expect(await userTables(ds)).toEqual([]);

    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.length).toBe(ds.migrations.length);
    const tablesAfterUp = await userTables(ds);
    expect(tablesAfterUp).toEqual(expect.arrayContaining(TABLES));
    const indexesAfterUp = await userIndexes(ds);
    expect(indexesAfterUp).toEqual(expect.arrayContaining(['ix_clipping_issue_date', 'uq_tag_sibling_name']));

    for (let i = 0; i < applied.length; i += 1) await ds.undoLastMigration({ transaction: 'each' });
    expect(await userTables(ds)).toEqual([]);
    expect(await userIndexes(ds)).toEqual([]);
    expect(await ds.query('SELECT * FROM typeorm_migrations')).toEqual([]);

    await ds.runMigrations({ transaction: 'each' });
    expect(await userTables(ds)).toEqual(tablesAfterUp);
    expect(await userIndexes(ds)).toEqual(indexesAfterUp);
  });

  it('enforces the constraints the API relies on', async () => {
    await ds.query("INSERT INTO publication (name) VALUES ('钱江晚报')");
    await expect(ds.query("INSERT INTO publication (name) VALUES ('钱江晚报')")).rejects.toThrow(/UNIQUE/i);
    await expect(
      ds.query(
        "INSERT INTO clipping (publication_id, issue_date, page_label, page_sort, body, kind) VALUES (1, '2024-01-01', '1', '1', '', 'poem')",
      ),
    ).rejects.toThrow(/CHECK/i);
    await expect(
      ds.query(
        "INSERT INTO clipping (publication_id, issue_date, page_label, page_sort, body) VALUES (99, '2024-01-01', '1', '1', '')",
      ),
    ).rejects.toThrow(/FOREIGN KEY/i);
    // Top-level tag names are unique too (NULL parent_id), via the COALESCE index.
    await ds.query("INSERT INTO tag (name) VALUES ('社会')");
    await expect(ds.query("INSERT INTO tag (name) VALUES ('社会')")).rejects.toThrow(/UNIQUE/i);
    // Deleting a clipping cascades to its links.
    await ds.query(
      "INSERT INTO clipping (publication_id, issue_date, page_label, page_sort, body) VALUES (1, '2024-01-01', '1', '1', '')",
    );
    // (On PostgreSQL the refused inserts above used up identity values: look the ids up.)
    const [{ id: clippingId }] = (await ds.query('SELECT id FROM clipping')) as { id: number }[];
    const [{ id: tagId }] = (await ds.query('SELECT id FROM tag')) as { id: number }[];
    await ds.query(`INSERT INTO clipping_tag (clipping_id, tag_id) VALUES (${clippingId}, ${tagId})`);
    await ds.query(`DELETE FROM clipping WHERE id = ${clippingId}`);
    expect(await ds.query('SELECT * FROM clipping_tag')).toEqual([]);
  });
});
