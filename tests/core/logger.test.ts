import { describe, expect, it } from "vitest";
import { createLogger } from "../../core/logger.js";

describe("createLogger", () => {
  it("answers calls below its level without pino, and is pino for everything else", () => {
    const quiet = createLogger("silent", "json");
    expect(() => quiet.debug({ token: "1:A" }, "below the level")).not.toThrow();
    const logger = createLogger("warn", "json");
    logger.info("below the level");
    expect(logger.level).toBe("warn");
    expect(logger.isLevelEnabled("info")).toBe(false);
    expect(logger.isLevelEnabled("error")).toBe(true);
    const child = logger.child({ update: 1 });
    expect(child.level).toBe("warn");
  });
});
