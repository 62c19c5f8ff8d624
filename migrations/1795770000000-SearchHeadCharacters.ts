import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SQLite: the index's `head_hit` column also holds the headline's distinct characters, each once with a
 * `v` mark (docs/search.md), so that relevance's first tier for a one-character term is one doclist
 * instead of a prefix query merging every headline pair that starts with the character (`县` at a
 * million clippings: 35 ms). An index written before lacks those terms, so it is emptied: the server
 * rebuilds it at its next start (as for a database from before the index; `npm run cli -- reindex`
 * does it by hand). PostgreSQL: nothing (its relevance reads the stored headline text).
 */
export class SearchHeadCharacters1795770000000 implements MigrationInterface {
  name = 'SearchHeadCharacters1795770000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') return;
    await this.empty(queryRunner);
  }

  public async down(): Promise<void> {
    // Nothing: the older code reads an index with the extra terms correctly (its queries never ask a `v` term).
  }

  private async empty(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE clipping_search_fts`);
    await queryRunner.query(
      `CREATE VIRTUAL TABLE clipping_search_fts USING fts5(body, head, head_hit, chars, content='', contentless_delete=1)`,
    );
    await queryRunner.query(`DELETE FROM clipping_search`);
  }
}
