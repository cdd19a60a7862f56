/**
 * Errors carry a stable `code` and a plain message a user can read. Subclasses are named after where
 * they come from, as grammY does with GrammyError/HttpError/BotError.
 */
export class NhiemvuError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The configuration is missing or invalid. */
export class ConfigError extends NhiemvuError {}
/** A file could not be read or turned into text (unsupported, empty, too large, malformed). */
export class ParseError extends NhiemvuError {}
/** Assignment or metadata extraction failed on a document. */
export class ExtractError extends NhiemvuError {}
/** The store could not be read or written, or is inconsistent with the configuration. */
export class StoreError extends NhiemvuError {}
/** A question could not be answered (not "nothing found": that is a normal answer). */
export class AnswerError extends NhiemvuError {}

/** The message to show for any thrown value, without a stack trace. */
export function plainMessage(err: unknown): string {
  if (err instanceof NhiemvuError) return `${err.message} [${err.code}]`;
  if (err instanceof Error) return err.message;
  return String(err);
}
