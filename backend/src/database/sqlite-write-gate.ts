import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';

/**
 * TypeORM's sqlite driver runs every query of the app on one connection, in the order they are issued.
 * While a write transaction is open, a read from another request would therefore (a) run inside that
 * transaction and see its uncommitted rows, and (b) sit in the connection's queue between the
 * transaction's own statements, so that under load each write waits behind every read in flight and
 * writes back up for seconds. The gate holds queries issued from outside the open transaction until it
 * ends, then releases them in order: writes run their statements back to back, reads see committed data.
 */
interface Gate {
  /** The async context of the transaction being run, if any. */
  active: boolean;
  held: Array<() => void>;
  context: AsyncLocalStorage<true>;
}

type Method = (...args: unknown[]) => unknown;
const gates = new WeakMap<object, Gate>();

/** The gate of the data source's SQLite connection, installed on first use; null for other databases. */
function gateOf(dataSource: DataSource): Gate | null {
  if (dataSource.options.type !== 'sqlite') return null;
  const connection = (dataSource.driver as unknown as { databaseConnection?: Record<string, Method> })
    .databaseConnection;
  if (!connection) return null;
  let gate = gates.get(connection);
  if (gate) return gate;
  const created: Gate = { active: false, held: [], context: new AsyncLocalStorage<true>() };
  for (const name of ['all', 'run', 'get', 'each', 'exec'] as const) {
    const original = connection[name];
    if (typeof original !== 'function') continue;
    connection[name] = function gated(this: unknown, ...args: unknown[]): unknown {
      if (created.active && created.context.getStore() !== true) {
        created.held.push(() => original.apply(connection, args));
        return connection;
      }
      return original.apply(connection, args);
    };
  }
  gates.set(connection, created);
  gate = created;
  return gate;
}

/**
 * Runs `transaction` (already serialised by the caller) with the connection reserved for it: queries
 * from outside wait until it settles. Without a SQLite connection it just runs it.
 */
export async function withConnectionReserved<T>(
  dataSource: DataSource,
  transaction: () => Promise<T>,
): Promise<T> {
  const gate = gateOf(dataSource);
  if (!gate) return transaction();
  gate.active = true;
  try {
    return await gate.context.run(true, transaction);
  } finally {
    gate.active = false;
    const held = gate.held;
    gate.held = [];
    for (const release of held) release();
  }
}
