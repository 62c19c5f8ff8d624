import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SQLite: search facets count matching clippings by publication, kind, status and year, reading each
 * clipping by id. In the table row `status` comes after the body, so reading it walks the row's overflow
 * pages (about 17 µs a clipping at 100,000 clippings); this index holds the columns facets read, in id
 * order, so the same lookup reads one small index entry. PostgreSQL keeps long text out of the row
 * (TOAST) and needs no such index.
 */
export class AddClippingFacetIndex1795440001000 implements MigrationInterface {
  name = 'AddClippingFacetIndex1795440001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') return;
    await queryRunner.query(
      `CREATE INDEX ix_clipping_facets ON clipping (id, publication_id, kind, status, issue_date)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') return;
    await queryRunner.query(`DROP INDEX ix_clipping_facets`);
  }
}
