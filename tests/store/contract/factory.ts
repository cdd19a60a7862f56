/**
 * What the store contract suite needs from a store implementation: fresh empty stores, a second store on
 * the same data (another process, or the same one after a restart), and a raw look at the tables for the
 * few behaviours the interface does not expose. Each entry file (sqlite.contract.test.ts,
 * pg.contract.test.ts) builds one and closes what it opened after every test.
 */
import type { Store } from "../../../store/types.js";

export interface StoreFactory {
  /** Shown in test names: "sqlite", "postgres". */
  readonly name: string;
  /** A store on new, empty storage (a temp directory, a new database). */
  open(now?: () => Date): Promise<Store>;
  /** Another store on the storage `store` was opened on (works after `store.close()` too). */
  reopen(store: Store, now?: () => Date): Promise<Store>;
  /** Runs one SQL statement that both SQLite and PostgreSQL accept, on the storage of `store`, through
   *  a connection of its own. Cast BIGINT columns (`CAST(x AS INTEGER)`): drivers return them differently. */
  query(store: Store, sql: string): Promise<Array<Record<string, unknown>>>;
}

/** A clock the test moves. */
export function movable(iso: string): { now: () => Date; advance: (ms: number) => void } {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

export const clock = (iso: string) => () => new Date(iso);

/** Lets a started promise reach its first await (a lock taken) before the test goes on. */
export const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
