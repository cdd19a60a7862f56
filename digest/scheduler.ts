/**
 * The digest scheduler: one croner job that ticks every minute (Asia/Ho_Chi_Minh) and, on each tick,
 * delivers whatever is owed at deps.now() (digest/deliver.ts) and alerts for documents ingested today
 * (digest/alerts.ts). The clock is only a trigger: what is owed is computed from deps.now() and the
 * ledger, so a late or skipped tick, a restart or a second process never changes what is sent.
 *
 * With several bot replicas on one store, each pass runs under the store lock "digest": one replica delivers
 * at a time and the others skip that minute (their pass would find the slots claimed anyway). The ledger's
 * unique (subscription, slot) claim stays the guarantee; the lock keeps replicas from building the same
 * digests only to lose the claim, and keeps alerts from being raced.
 */
import { Cron } from "croner";
import { sweepNewDocuments } from "./alerts.js";
import { deliverDue, type DeliveryDeps, type DeliveryOutcome } from "./deliver.js";

/** The store lock a pass holds. */
export const DIGEST_LOCK = "digest";
/** A pass's lease: short, so that on SQLite a replica killed mid-pass holds up the others for two minutes at
 *  most (the lease is renewed while a long pass runs; PostgreSQL frees the lock when the session dies). */
export const DIGEST_LEASE_MS = 2 * 60_000;

export interface DigestScheduler {
  /** Runs one pass now (tests call this after moving the clock). Passes never overlap. */
  tick(): Promise<DeliveryOutcome[]>;
  /** Stops the timer; a pass in flight finishes. */
  stop(): void;
}

export interface SchedulerOptions {
  /** Start the per-minute timer (default true); tests pass false and call tick(). */
  timer?: boolean;
  /** Run a pass at start, which is how slots missed while the process was down are caught up (default true). */
  catchUpOnStart?: boolean;
}

/** Starts the scheduler. Errors in a pass are logged, never thrown out of the timer. */
export function startDigestScheduler(deps: DeliveryDeps, opts: SchedulerOptions = {}): DigestScheduler {
  // Alert keys this process has swept: only a cache. What makes an alert go out once is its ledger claim
  // (digest/alerts.ts), which every replica shares.
  const seen = new Set<string>();
  let running: Promise<DeliveryOutcome[]> | undefined;

  const pass = async (): Promise<DeliveryOutcome[]> => {
    const locked = await deps.store.withLock(DIGEST_LOCK, async () => {
      const at = deps.now();
      const sent = await deliverDue(deps, at);
      const alerts = await sweepNewDocuments(deps, seen, at);
      return [...sent, ...alerts];
    }, DIGEST_LEASE_MS);
    if (!locked.ran) deps.logger.debug({}, "digest pass skipped: another process holds the lock");
    return locked.ran ? locked.value : [];
  };
  const tick = (): Promise<DeliveryOutcome[]> => {
    // A pass that outlasts a minute (a long send queue) makes the next tick wait for it, not run beside it.
    const next = (running ?? Promise.resolve([])).then(pass, pass);
    running = next.catch((err: unknown) => {
      deps.logger.error({ err: err instanceof Error ? err.message : String(err) }, "digest pass failed");
      return [];
    });
    return next;
  };
  const job = opts.timer === false
    ? undefined
    : new Cron("* * * * *", { timezone: deps.config.digest.timeZone, protect: true, unref: true }, async () => {
      await tick().catch(() => undefined);
    });
  if (opts.catchUpOnStart !== false) void tick().catch(() => undefined);
  return {
    tick,
    stop: () => job?.stop(),
  };
}
