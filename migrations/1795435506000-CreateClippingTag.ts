import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which tags a clipping carries, and whether a person or a rule put them there. */
export class CreateClippingTag1795435506000 implements MigrationInterface {
  name = 'CreateClippingTag1795435506000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE clipping_tag (
        clipping_id INTEGER NOT NULL REFERENCES clipping (id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE RESTRICT,
        source VARCHAR(10) NOT NULL DEFAULT 'manual',
        created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
        PRIMARY KEY (clipping_id, tag_id),
        CONSTRAINT ck_clipping_tag_source CHECK (source IN ('manual', 'rule'))
      )`);
    await queryRunner.query(`CREATE INDEX ix_clipping_tag_tag_id ON clipping_tag (tag_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_clipping_tag_tag_id`);
    await queryRunner.query(`DROP TABLE clipping_tag`);
  }
}
