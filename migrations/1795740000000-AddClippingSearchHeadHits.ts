import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SQLite: the full-text table gains two columns (docs/search.md): `head_hit`, the headline's terms
 * again with an `h` mark, so that "a term in the headline" reads short doclists instead of checking the
 * positions of every match; and `chars`, each distinct character of the clipping once with a `u` mark,
 * so that a one-character term is one doclist walked in key order instead of a prefix query merging the
 * doclists of every pair starting with it. `body` becomes the first column: FTS5 writes a column's
 * number before its positions in every entry except the first column's, and the body holds most
 * entries (on 5,000 of the search bench's clippings the index is 1.76× the text with the two new
 * columns this way, 2.25× with `head` first). An FTS5 table takes no new column, so it is made again
 * empty and `clipping_search` emptied with it: the server rebuilds the index at its next start (as for a
 * database from before the index; `npm run cli -- reindex` does it by hand). PostgreSQL: nothing (its
 * relevance reads the stored headline text).
 */
export class AddClippingSearchHeadHits1795740000000 implements MigrationInterface {
  name = 'AddClippingSearchHeadHits1795740000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') return;
    await queryRunner.query(`DROP TABLE clipping_search_fts`);
    await queryRunner.query(
      `CREATE VIRTUAL TABLE clipping_search_fts USING fts5(body, head, head_hit, chars, content='', contentless_delete=1)`,
    );
    await queryRunner.query(`DELETE FROM clipping_search`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') return;
    await queryRunner.query(`DROP TABLE clipping_search_fts`);
    await queryRunner.query(
      `CREATE VIRTUAL TABLE clipping_search_fts USING fts5(head, body, content='', contentless_delete=1)`,
    );
    await queryRunner.query(`DELETE FROM clipping_search`);
  }
}
