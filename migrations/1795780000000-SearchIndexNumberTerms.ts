import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SQLite: the full-text index's `chars` column also holds each run of digits of a clipping's fields,
 * once (`n4321`), which a phrase holding a number asks with its pairs (docs/search.md), so that FTS5
 * checks the phrase only in the few clippings with that number. An index written before lacks those
 * terms (such a phrase would find nothing in it), so it is emptied: the server rebuilds it at its next
 * start (`npm run cli -- reindex` does it by hand). PostgreSQL: nothing (its index is read differently).
 */
export class SearchIndexNumberTerms1795780000000 implements MigrationInterface {
  name = 'SearchIndexNumberTerms1795780000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') return;
    await queryRunner.query(`DROP TABLE clipping_search_fts`);
    await queryRunner.query(
      `CREATE VIRTUAL TABLE clipping_search_fts USING fts5(body, head, head_hit, chars, content='', contentless_delete=1)`,
    );
    await queryRunner.query(`DELETE FROM clipping_search`);
  }

  public async down(): Promise<void> {
    // Nothing: the older code reads an index with the extra terms correctly (its queries never ask them).
  }
}
