/**
 * Word 97-2003 files: a sample document written by the test as a .doc (tests/ingest/doc-writer.ts: an OLE
 * compound file with a FIB, the text as UTF-16 and a piece table) is read by antiword and asked; a .doc
 * typed in a TCVN3 font is read as Unicode; broken and RTF ".doc" files are reported with a code.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../app/types.js";
import { encodeTcvn3 } from "../../ingest/encodings/legacy.js";
import { readDocumentFile } from "../../ingest/parse/read.js";
import { openTempApp, removeDir, SAMPLE_CORPUS } from "../helpers/app.js";
import { writeDoc } from "./doc-writer.js";

function hasAntiword(): boolean {
  try { execFileSync("antiword", ["-h"], { stdio: "ignore" }); return true; } catch (e) { return (e as NodeJS.ErrnoException).code !== "ENOENT"; }
}
const ready = hasAntiword();
if (!ready) {
  if (process.env.CI_REQUIRE_SERVICES === "1") throw new Error("CI_REQUIRE_SERVICES=1 but antiword is missing (scripts/test-services.sh installs it).");
  console.warn(".doc tests skipped: Debian's antiword is needed (scripts/test-services.sh installs it as root).");
}
const DOC = "002_f51bd1bc98d5fad9";
const original = readFileSync(join(SAMPLE_CORPUS, `${DOC}.txt`), "utf8");

describe.skipIf(!ready)(".doc (Word 97-2003)", () => {
  let app: App & { dir: string };
  beforeAll(async () => {
    app = await openTempApp();
  });
  afterAll(async () => {
    await app?.close();
    if (app) removeDir(app.dir);
  });

  it("reads a .doc's text and answers from it", async () => {
    const path = join(app.dir, `${DOC}.doc`);
    writeFileSync(path, writeDoc(original));
    const raw = await readDocumentFile(path, { maxBytes: 1e6 });
    expect(raw.source).toBe("doc");
    expect(raw.text).toContain("Giao Ban Tổ chức Trung ương: (i) Chủ động phối hợp với Đảng uỷ Chính phủ");
    const summary = await app.ingest([path]);
    expect(summary.counts, JSON.stringify(summary.files)).toMatchObject({ new: 1, failed: 0 });
    const answer = await app.answerer.ask("Ban Tổ chức TW được giao gì trong quý II/2026?");
    const got = answer.citations.filter((c) => c.doc === `${DOC}.doc`).map((c) => c.section).sort();
    // 4 (ii) is the Văn phòng's: "Phối hợp với Ban Tổ chức Trung ương ..." gives the Ban no task of its own.
    expect(got).toEqual(["3 (i)", "3 (ii)", "3 (iii)", "4 (iii)"]);
  });

  it("reads a .doc typed in a TCVN3 (.VnTime) font as Unicode", async () => {
    const line = "Giao Bộ Nội vụ chủ trì, phối hợp với Ban Tổ chức Trung ương rà soát tiêu chuẩn chức danh.";
    const path = join(app.dir, "vntime.doc");
    writeFileSync(path, writeDoc(`${encodeTcvn3(line)}\n${encodeTcvn3("Hà Nội, ngày 15 tháng 3 năm 2026")}`));
    const raw = await readDocumentFile(path, { maxBytes: 1e6 });
    expect(raw.text).toContain(line);
  });

  it("reports a broken .doc and an RTF file named .doc with a code, storing nothing", async () => {
    writeFileSync(join(app.dir, "hong.doc"), "not a word file");
    writeFileSync(join(app.dir, "rtf.doc"), "{\\rtf1\\ansi Giao Bộ Nội vụ}");
    const before = await app.store.stats();
    const summary = await app.ingest([join(app.dir, "hong.doc"), join(app.dir, "rtf.doc")]);
    const failed = Object.fromEntries(summary.files.map((f) => [f.name, f.error]));
    expect(failed["hong.doc"]?.code).toBe("doc_broken");
    expect(failed["rtf.doc"]?.code).toBe("doc_broken");
    expect(failed["rtf.doc"]?.message).toMatch(/RTF/);
    expect(await app.store.stats()).toEqual(before);
  });
});
