import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The "unassigned" bin of each filed page (`page_import`): its non-blank lines no clipping holds, as JSON
 * `[{line, text, furniture}]`, and `line_count`, how many of them are not page furniture. Written in the
 * filing's transaction (filing, re-filing with replace, the whole-issue import); pages filed before this
 * table existed have no row and get theirs from the background catch-up at start-up
 * (`UNASSIGNED_CATCH_UP`: the lines are found by comparing texts, which SQL cannot do).
 * `reviewed_at`/`reviewed_by`: when and by whom an editor marked the bin dealt with. The partial index
 * holds exactly the work queue's rows (lines left, not reviewed), so counting it never scans the table.
 */
export class CreateImportUnassigned1795720000000 implements MigrationInterface {
  name = 'CreateImportUnassigned1795720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE import_unassigned (
        import_id INTEGER PRIMARY KEY REFERENCES page_import (id) ON DELETE CASCADE,
        lines TEXT NOT NULL,
        line_count INTEGER NOT NULL,
        computed_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
        reviewed_at TIMESTAMP NULL,
        reviewed_by VARCHAR(200) NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_import_unassigned_waiting ON import_unassigned (import_id) WHERE line_count > 0 AND reviewed_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_import_unassigned_waiting`);
    await queryRunner.query(`DROP TABLE import_unassigned`);
  }
}
