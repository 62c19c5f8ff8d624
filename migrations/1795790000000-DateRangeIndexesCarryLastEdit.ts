import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The issue-date indexes also carry the last edit and the id: `ix_clipping_issue_date (issue_date,
 * updated_at, id)` and `ix_clipping_publication_issue (publication_id, issue_date, updated_at, id)`.
 * A date range sorted by last edit sorts its matches (clipping-list.repository.ts: walking the order's
 * index would cross every clipping of the other dates); with the sort key in the index the sort reads
 * index entries only, not one clipping row per match. At a million clippings a 31-day range holds about
 * 41,000 of them: 37–39 ms a page before, on the load bench's corpus (docs/benchmarks.md).
 * Each index keeps its name and its leading columns, so every plan that used it still can.
 */
export class DateRangeIndexesCarryLastEdit1795790000000 implements MigrationInterface {
  name = 'DateRangeIndexesCarryLastEdit1795790000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_clipping_issue_date`);
    await queryRunner.query(`CREATE INDEX ix_clipping_issue_date ON clipping (issue_date, updated_at, id)`);
    await queryRunner.query(`DROP INDEX ix_clipping_publication_issue`);
    await queryRunner.query(
      `CREATE INDEX ix_clipping_publication_issue ON clipping (publication_id, issue_date, updated_at, id)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_clipping_issue_date`);
    await queryRunner.query(`CREATE INDEX ix_clipping_issue_date ON clipping (issue_date)`);
    await queryRunner.query(`DROP INDEX ix_clipping_publication_issue`);
    await queryRunner.query(
      `CREATE INDEX ix_clipping_publication_issue ON clipping (publication_id, issue_date)`,
    );
  }
}
