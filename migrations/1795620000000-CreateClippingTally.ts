import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counts the dashboard and the region tree show, kept by the clipping store in each write's transaction
 * (docs/architecture.md, "Counts and deep pages"): `clipping_tally` holds one count per bucket (`all`,
 * `day:2024-10-22`, `pub:3`, `region:165`, `topic:1`, `draft`, `noRegion`, `noTag`, `waitFrom`, `waitTo`)
 * and `clipping_tally_member` the buckets each clipping was last counted in, so a write moves only the
 * counts of the clippings it touched. No foreign key: a deleted clipping's buckets are read once more to
 * take it out of the counts. Filled at start-up when a database has clippings and no tally.
 */
export class CreateClippingTally1795620000000 implements MigrationInterface {
  name = 'CreateClippingTally1795620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE clipping_tally (bucket VARCHAR(40) NOT NULL PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0)`,
    );
    await queryRunner.query(
      `CREATE TABLE clipping_tally_member (clipping_id INTEGER NOT NULL PRIMARY KEY, buckets TEXT NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE clipping_tally_member`);
    await queryRunner.query(`DROP TABLE clipping_tally`);
  }
}
