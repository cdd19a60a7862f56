/** A real app (SQLite in a temp folder) with a clock the test moves, and a sender that records what it sends. */
import { join } from "node:path";
import { openApp } from "../../app/open.js";
import type { App } from "../../app/types.js";
import { loadConfig } from "../../core/config.js";
import type { DeliveryDeps, SendItems } from "../../digest/deliver.js";
import type { Subscription } from "../../store/types.js";
import { stripHtml } from "../../present/split.js";
import { tempDir } from "../helpers/app.js";

export const COLLECTIVE = "cac-tinh-uy-thanh-uy-dang-uy-truc-thuoc-trung-uong";

export interface Clock {
  t: Date;
  set(iso: string): void;
}

export function clockAt(iso: string): Clock {
  const c: Clock = { t: new Date(iso), set: (s) => void (c.t = new Date(s)) };
  return c;
}

export interface Sent {
  chatId: number;
  items: string[];
  text: string;
}

export interface Recorder {
  sent: Sent[];
  send: SendItems;
  /** Replace to make the next sends fail or hang. */
  behaviour?: (chatId: number) => Promise<void> | void;
}

export function recorder(): Recorder {
  const r: Recorder = {
    sent: [],
    send: async (chatId, items) => {
      await r.behaviour?.(chatId);
      r.sent.push({ chatId, items, text: items.map(stripHtml).join("\n\n") });
    },
  };
  return r;
}

/** Opens an app on `dir` (a second call on the same dir is a second process sharing the store). */
export async function openAt(dir: string, clock: Clock, env: Record<string, string> = {}): Promise<App> {
  const config = loadConfig({ DATA_DIR: join(dir, "data"), LOG_LEVEL: "silent", DIGEST_LOOKAHEAD_DAYS: "14", DIGEST_LOOKBACK_DAYS: "30", ...env });
  return openApp(config, { now: () => clock.t });
}

export function newDir(): string {
  return tempDir("nhiemvu-digest-");
}

export function deliveryDeps(app: App, rec: Recorder): DeliveryDeps {
  return { store: app.store, registry: app.registry, config: app.config, logger: app.logger, now: () => app.now(), send: rec.send };
}

/** Grants the chat and subscribes it (the store stamps createdAt with the app's clock). */
export async function subscribe(app: App, chatId: number, over: Partial<Omit<Subscription, "id" | "createdAt" | "paused">> = {}): Promise<Subscription> {
  if (!(await app.store.isAllowed(chatId))) await app.store.grant({ id: chatId, kind: chatId < 0 ? "chat" : "user" });
  return app.store.addSubscription({
    chatId, orgIds: [], cadence: "daily", time: "07:30", lookaheadDays: 14, sendEmpty: false, ...over,
  });
}
