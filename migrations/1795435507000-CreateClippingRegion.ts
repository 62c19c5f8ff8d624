import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which regions a clipping is about, and whether a person or a rule linked them. */
export class CreateClippingRegion1795435507000 implements MigrationInterface {
  name = 'CreateClippingRegion1795435507000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE clipping_region (
        clipping_id INTEGER NOT NULL REFERENCES clipping (id) ON DELETE CASCADE,
        region_id INTEGER NOT NULL REFERENCES region (id) ON DELETE RESTRICT,
        source VARCHAR(10) NOT NULL DEFAULT 'manual',
        created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
        PRIMARY KEY (clipping_id, region_id),
        CONSTRAINT ck_clipping_region_source CHECK (source IN ('manual', 'rule'))
      )`);
    await queryRunner.query(`CREATE INDEX ix_clipping_region_region_id ON clipping_region (region_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_clipping_region_region_id`);
    await queryRunner.query(`DROP TABLE clipping_region`);
  }
}
