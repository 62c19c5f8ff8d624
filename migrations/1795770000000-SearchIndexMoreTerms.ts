import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SQLite: two more kinds of terms in the full-text index (docs/search.md). The `head_hit` column also
 * holds the headline's distinct characters, each once with a `v` mark, so that relevance's first tier
 * for a one-character term is one doclist instead of a prefix query merging every headline pair that
 * starts with the character (`县` at a million clippings: 35 ms). The `chars` column also holds the
 * clipping's publication (`p12`), which a search within one publication asks with its query, so that
 * FTS5 checks the query only in that publication's clippings. An index written before lacks those
 * terms (a search within a publication would find nothing in it), so it is emptied: the server
 * rebuilds it at its next start (as for a database from before the index; `npm run cli -- reindex`
 * does it by hand). PostgreSQL: nothing (its relevance reads the stored headline text).
 */
export class SearchIndexMoreTerms1795770000000 implements MigrationInterface {
  name = 'SearchIndexMoreTerms1795770000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') return;
    await this.empty(queryRunner);
  }

  public async down(): Promise<void> {
    // Nothing: the older code reads an index with the extra terms correctly (its queries never ask them).
  }

  private async empty(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE clipping_search_fts`);
    await queryRunner.query(
      `CREATE VIRTUAL TABLE clipping_search_fts USING fts5(body, head, head_hit, chars, content='', contentless_delete=1)`,
    );
    await queryRunner.query(`DELETE FROM clipping_search`);
  }
}
