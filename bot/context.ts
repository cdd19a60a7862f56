/**
 * The bot's context type and the dependencies every feature receives. Features are plain functions
 * `xFeature(deps) => Composer<BotContext>`, registered in one place (bot/bot.ts).
 */
import { randomBytes } from "node:crypto";
import type { Context } from "grammy";
import type { App } from "../app/types.js";
import type { Config } from "../core/config.js";
import type { Logger } from "../core/logger.js";

/** What our middleware adds to grammY's context. */
export interface BotFlavor {
  /** A child logger bound to this update (update id, chat, user). */
  log: Logger;
  /** Set by the access gate before any feature runs. */
  access: { admin: boolean; allowed: boolean };
}

export type BotContext = Context & BotFlavor;

/** A question kept for the buttons under its answer (Xem thêm, 👍/👎); callback data holds only the key. */
export interface AskedEntry {
  question: string;
  answer: string;
  offset: number;
  limit: number;
  /** Rendered as a task list (/nhiemvu) rather than an answer with citations. */
  tasks: boolean;
  /** Users who already voted on this answer (one vote each). */
  voters: Set<number>;
}

/** A small bounded map: oldest entries are dropped first, so memory stays flat however long the bot runs. */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K): V | undefined {
    return this.map.get(key);
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
    }
  }
  has(key: K): boolean {
    return this.map.has(key);
  }
  get size(): number {
    return this.map.size;
  }
}

/** Per-process memory of the bot: answer keys and who has been told what. */
export interface BotState {
  asked: BoundedMap<string, AskedEntry>;
  /** Users (or group chats) already shown the "Xin quyền truy cập" message in this process. */
  prompted: BoundedMap<number, true>;
  /** Users whose access request was already sent to the admins in this process, with their display name. */
  requested: BoundedMap<number, string>;
}

export function createState(): BotState {
  return {
    asked: new BoundedMap(5_000),
    prompted: new BoundedMap(50_000),
    requested: new BoundedMap(50_000),
  };
}

/** A short random key for callback data (64-byte limit). */
export function newKey(): string {
  return randomBytes(6).toString("base64url");
}

/** Everything a feature needs. */
export interface BotDeps {
  app: App;
  /** The effective config (the app's, or an override such as the terminal chat's extra admin). */
  config: Config;
  state: BotState;
  /** Where the Bot API lives ("https://api.telegram.org" or a local server / emulator); files are fetched there. */
  apiRoot: string;
  isAdmin(userId: number | undefined): boolean;
}
