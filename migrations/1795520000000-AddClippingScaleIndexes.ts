import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for a million clippings (issue 15; docs/benchmarks.md): every hot statement reads a number
 * of entries bounded by its page, not by the archive.
 *
 * - `ix_clipping_created_at`: the list sorted by `createdAt` walked its whole table and sorted it.
 * - `ix_clipping_waiting` (partial): the waiting list (parts whose other half is not filed) scanned every
 *   clipping for the few that wait; the index holds only those, in the list's order.
 * - `ix_clipping_previous_part`, `ix_clipping_next_part` (partial: only parts of continued articles):
 *   deleting a clipping looks for the parts pointing at it (`ON DELETE SET NULL`), and chain edits read
 *   a part's neighbours — both scanned the table.
 * - PostgreSQL only, `ix_clipping_title_nulls_first`: the list sorts untitled clippings first by title
 *   (as SQLite does), which `ix_clipping_title` (NULLS LAST) cannot give; walked backwards it gives the
 *   descending order.
 */
export class AddClippingScaleIndexes1795520000000 implements MigrationInterface {
  name = 'AddClippingScaleIndexes1795520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX ix_clipping_created_at ON clipping (created_at, id)`);
    await queryRunner.query(
      `CREATE INDEX ix_clipping_waiting ON clipping (issue_date DESC, publication_id, page_sort, id)
         WHERE (continues_from IS NOT NULL AND previous_part_id IS NULL) OR (continues_to IS NOT NULL AND next_part_id IS NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_clipping_previous_part ON clipping (previous_part_id) WHERE previous_part_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_clipping_next_part ON clipping (next_part_id) WHERE next_part_id IS NOT NULL`,
    );
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(
        `CREATE INDEX ix_clipping_title_nulls_first ON clipping (title NULLS FIRST, id)`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(`DROP INDEX ix_clipping_title_nulls_first`);
    }
    await queryRunner.query(`DROP INDEX ix_clipping_next_part`);
    await queryRunner.query(`DROP INDEX ix_clipping_previous_part`);
    await queryRunner.query(`DROP INDEX ix_clipping_waiting`);
    await queryRunner.query(`DROP INDEX ix_clipping_created_at`);
  }
}
