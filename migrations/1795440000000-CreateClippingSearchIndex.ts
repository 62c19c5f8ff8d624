import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full-text index of clippings (docs/search.md). Terms are character pairs written by the
 * application (backend/src/search/core/index-terms.ts); the tables start empty and are filled by
 * `reindex` and by every clipping write.
 *
 * SQLite: a contentless FTS5 table whose rowid is the clipping's search key (issue day × 2^32 + id,
 * so that walking rowids walks issue dates), and `clipping_search` mapping each clipping to its key.
 * PostgreSQL: per clipping the normalised text of both columns and the set of its terms as a
 * position-free tsvector under a GIN index.
 */
export class CreateClippingSearchIndex1795440000000 implements MigrationInterface {
  name = 'CreateClippingSearchIndex1795440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(`
        CREATE TABLE clipping_search (
          clipping_id INTEGER PRIMARY KEY,
          head TEXT NOT NULL,
          body TEXT NOT NULL,
          terms TSVECTOR NOT NULL
        )`);
      await queryRunner.query(`CREATE INDEX ix_clipping_search_terms ON clipping_search USING GIN (terms)`);
      return;
    }
    await queryRunner.query(`
      CREATE TABLE clipping_search (
        search_key INTEGER PRIMARY KEY,
        clipping_id INTEGER NOT NULL UNIQUE
      )`);
    await queryRunner.query(
      `CREATE VIRTUAL TABLE clipping_search_fts USING fts5(head, body, content='', contentless_delete=1)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(`DROP INDEX ix_clipping_search_terms`);
      await queryRunner.query(`DROP TABLE clipping_search`);
      return;
    }
    await queryRunner.query(`DROP TABLE clipping_search_fts`);
    await queryRunner.query(`DROP TABLE clipping_search`);
  }
}
