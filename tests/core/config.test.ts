import { describe, expect, it } from "vitest";
import { loadConfig } from "../../core/config.js";
import { ConfigError } from "../../core/errors.js";

/** Each value of the setting is refused with a ConfigError whose message ends with `message`, naming the setting. */
function expectRefused(setting: string, values: string[], message: string): void {
  for (const bad of values) {
    const run = () => loadConfig({ [setting]: bad });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(`${message}\n  → at ${setting}`);
  }
}

describe("VECTOR_WEIGHT", () => {
  it("defaults to 0 (no vectors fused) and reads a weight as given", () => {
    expect(loadConfig({}).ranking.vectorWeight).toBe(0);
    expect(loadConfig({ VECTOR_WEIGHT: "" }).ranking.vectorWeight).toBe(0);
    expect(loadConfig({ VECTOR_WEIGHT: "0.25" }).ranking.vectorWeight).toBe(0.25);
    expect(loadConfig({ VECTOR_WEIGHT: "2" }).ranking.vectorWeight).toBe(2);
  });

  it("refuses a weight that is not a number of 0 or more, naming the setting", () => {
    expectRefused("VECTOR_WEIGHT", ["heavy", "-0.1", "Infinity", "0,5"],
      "✖ must be a number of 0 or more (the weight of the vector list in ranking; the word list weighs 1)");
  });
});

describe("INGEST_THREADS", () => {
  it("defaults to auto (the cores beyond the first) and reads a count as given, 0 reading on the main thread", () => {
    expect(loadConfig({}).store.ingestThreads).toBe("auto");
    expect(loadConfig({ INGEST_THREADS: "0" }).store.ingestThreads).toBe(0);
    expect(loadConfig({ INGEST_THREADS: "2" }).store.ingestThreads).toBe(2);
  });

  it("refuses anything but auto or a whole number up to 16, naming the setting", () => {
    expectRefused("INGEST_THREADS", ["many", "-1", "1.5", "17"], "must be auto or a whole number from 0 to 16");
  });
});
