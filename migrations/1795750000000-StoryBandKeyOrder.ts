import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The same-story band index ordered by clipping within a key (`band_key, clipping_id`), replacing the
 * index on `band_key` alone: finding a text's candidate copies reads at most the newest
 * `BAND_POSTINGS` texts of each of its band keys (StoriesRepository.candidates) instead of every text
 * that shares the key — a notice or wire story filed hundreds of times made that lookup, and the
 * grouping transaction holding the write queue with it, grow with the number of copies. And
 * `story_rejection` by its second key, so the pairs rejected with one text are read by both keys
 * (StoryGroupsRepository.rejectedWith) instead of asking for each member of a group.
 */
export class StoryBandKeyOrder1795750000000 implements MigrationInterface {
  name = 'StoryBandKeyOrder1795750000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX ix_clipping_story_band_key_clipping ON clipping_story_band (band_key, clipping_id)`,
    );
    await queryRunner.query(`DROP INDEX ix_clipping_story_band_band_key`);
    await queryRunner.query(`CREATE INDEX ix_story_rejection_key_b ON story_rejection (key_b)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_story_rejection_key_b`);
    await queryRunner.query(`CREATE INDEX ix_clipping_story_band_band_key ON clipping_story_band (band_key)`);
    await queryRunner.query(`DROP INDEX ix_clipping_story_band_key_clipping`);
  }
}
