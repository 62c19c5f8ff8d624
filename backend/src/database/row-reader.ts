import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** The columns of an entity for a hand-written SELECT, and how to turn a result row back into the entity. */
export interface RowReader<T> {
  /** `alias.column, …` for every column of the entity (result keys are the column names). */
  columns: string;
  /** The entity's properties from a row, each value hydrated as TypeORM would (dates, transformers). */
  read(row: Record<string, unknown>): T;
}

/** A {@link RowReader} from the entity's metadata and the driver's own hydration of each column. */
export function rowReader<T extends ObjectLiteral, K extends keyof T & string = never>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  alias: string,
  /** Properties left out of the SELECT (and of the entity read back). */
  omit: readonly K[] = [],
): RowReader<Omit<T, K>> {
  const metadata = dataSource.getMetadata(target);
  const driver = dataSource.driver;
  const left = new Set<string>(omit);
  const columns = metadata.columns.filter((c) => !c.isVirtual && !left.has(c.propertyName));
  return {
    columns: columns.map((c) => `${alias}.${c.databaseName}`).join(', '),
    read(row) {
      const entity: Record<string, unknown> = {};
      for (const column of columns)
        entity[column.propertyName] = driver.prepareHydratedValue(row[column.databaseName], column);
      return entity as Omit<T, K>;
    },
  };
}

/**
 * `IN (…)` over a list of ids as one parameter, so that the SQL text (and its prepared statement) is the
 * same whatever the number of ids: `json_each` on SQLite, an array on PostgreSQL.
 */
export function idList(dataSource: DataSource, ids: readonly number[]): { sql: string; param: unknown } {
  return dataSource.options.type === 'postgres'
    ? { sql: '(SELECT unnest(?::int[]))', param: [...ids] }
    : { sql: '(SELECT value FROM json_each(?))', param: JSON.stringify(ids) };
}
