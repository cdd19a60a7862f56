/**
 * The bot's context type and the dependencies every feature receives. Features are plain functions
 * `xFeature(deps) => Composer<BotContext>`, registered in one place (bot/bot.ts). The bot keeps no state
 * of its own between updates: what it must remember lives in the store (BotMemoryStore), so that any
 * replica can handle any update.
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

/** A short random key for callback data (64-byte limit). */
export function newKey(): string {
  return randomBytes(6).toString("base64url");
}

/** Everything a feature needs. */
export interface BotDeps {
  app: App;
  /** The effective config (the app's, or an override such as the terminal chat's extra admin). */
  config: Config;
  /** Where the Bot API lives ("https://api.telegram.org" or a local server / emulator); files are fetched there. */
  apiRoot: string;
  isAdmin(userId: number | undefined): boolean;
}
