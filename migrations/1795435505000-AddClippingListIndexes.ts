import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes behind the filters and sort keys of GET /api/clippings. */
export class AddClippingListIndexes1795435505000 implements MigrationInterface {
  name = 'AddClippingListIndexes1795435505000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX ix_clipping_publication_issue ON clipping (publication_id, issue_date)`,
    );
    await queryRunner.query(`CREATE INDEX ix_clipping_issue_date ON clipping (issue_date)`);
    await queryRunner.query(`CREATE INDEX ix_clipping_kind ON clipping (kind)`);
    await queryRunner.query(`CREATE INDEX ix_clipping_status ON clipping (status)`);
    await queryRunner.query(`CREATE INDEX ix_clipping_page_sort ON clipping (page_sort)`);
    await queryRunner.query(`CREATE INDEX ix_clipping_import_id ON clipping (import_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_clipping_import_id`);
    await queryRunner.query(`DROP INDEX ix_clipping_page_sort`);
    await queryRunner.query(`DROP INDEX ix_clipping_status`);
    await queryRunner.query(`DROP INDEX ix_clipping_kind`);
    await queryRunner.query(`DROP INDEX ix_clipping_issue_date`);
    await queryRunner.query(`DROP INDEX ix_clipping_publication_issue`);
  }
}
