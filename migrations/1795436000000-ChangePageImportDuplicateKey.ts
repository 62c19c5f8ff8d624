import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A page is a duplicate when the same text was filed for the same publication, whatever issue date or
 * page label it was filed under (a second filing under another date is a mistake, not a new page);
 * the same text in another publication (a shared wire page) is not.
 */
export class ChangePageImportDuplicateKey1795436000000 implements MigrationInterface {
  name = 'ChangePageImportDuplicateKey1795436000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX uq_page_import_page_sha256`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_page_import_publication_sha256 ON page_import (publication_id, sha256)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX uq_page_import_publication_sha256`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_page_import_page_sha256 ON page_import (publication_id, issue_date, page_label, sha256)`,
    );
  }
}
