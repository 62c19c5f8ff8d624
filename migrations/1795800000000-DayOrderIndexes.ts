import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes led by the issue date for the other orders a list offers: `ix_clipping_issue_title
 * (issue_date, title, id, publication_id)` and `ix_clipping_issue_created (issue_date, created_at, id,
 * publication_id)` (last edit has `ix_clipping_issue_date (issue_date, updated_at, id)`). A list of an
 * issue-date range sorted by one of these orders reads each day's first clippings in that order
 * (clipping-list.repository.ts, `byDay`), checking a publication on the index: a page then reads
 * days × (offset + page size) index entries. At a million clippings a 31-day range by title sorted or
 * walked 27–32 ms a page; by day, about 1 ms (docs/benchmarks.md, "A month by title at a million").
 */
export class DayOrderIndexes1795800000000 implements MigrationInterface {
  name = 'DayOrderIndexes1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX ix_clipping_issue_title ON clipping (issue_date, title, id, publication_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_clipping_issue_created ON clipping (issue_date, created_at, id, publication_id)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_clipping_issue_created`);
    await queryRunner.query(`DROP INDEX ix_clipping_issue_title`);
  }
}
