import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ParseError } from "../../core/errors.js";
import { readSidecar } from "../../ingest/sidecar.js";

const dir = mkdtempSync(join(tmpdir(), "nhiemvu-sidecar-"));

describe("readSidecar", () => {
  it("reads front matter at the top of a .md file and returns the text without it", async () => {
    const text = "---\nkind: Kết luận\nnumber: 229-KL/TW\nngày ban hành: 8/1/2026\nperiod: quý II/2026\nsigner: Trần Cẩm Tú\n---\nKẾT LUẬN\n\n1. Nội dung.";
    const { meta, text: body } = await readSidecar(join(dir, "kl.md"), text);
    expect(meta).toMatchObject({ kind: "ket_luan", number: "229-KL/TW", date: "2026-01-08", signer: "Trần Cẩm Tú" });
    expect(meta.period).toMatchObject({ start: "2026-04-01", end: "2026-06-30" });
    expect(body).toBe("KẾT LUẬN\n\n1. Nội dung.");
  });

  it("reads Vietnamese keys in any case, capital Đ included", async () => {
    const { meta } = await readSidecar(join(dir, "caps.md"), "---\nTIÊU ĐỀ: về công tác cán bộ\nSỐ HIỆU: 12-KL/TW\n---\nNội dung");
    expect(meta).toEqual({ title: "về công tác cán bộ", number: "12-KL/TW" });
  });

  it("leaves text without front matter alone, and never reads front matter from a PDF's text", async () => {
    expect(await readSidecar(join(dir, "plain.txt"), "Văn bản.\n---\n")).toEqual({ meta: {}, text: "Văn bản.\n---\n" });
    expect((await readSidecar(join(dir, "x.pdf"), "---\nkind: ket_luan\n---\nA")).meta).toEqual({});
  });

  it("reads NAME.meta.json or BASENAME.meta.json beside the file; JSON wins over front matter", async () => {
    const path = join(dir, "tb.pdf");
    writeFileSync(`${path}.meta.json`, JSON.stringify({ kind: "thong_bao", number: "634/TB-VPCP", date: "2025-11-26", title: "Kết luận của Thủ tướng" }));
    expect((await readSidecar(path, "x")).meta).toEqual({ kind: "thong_bao", number: "634/TB-VPCP", date: "2025-11-26", title: "Kết luận của Thủ tướng" });
    const md = join(dir, "cv.md");
    writeFileSync(join(dir, "cv.meta.json"), JSON.stringify({ issuer: "Bộ Nội vụ" }));
    const { meta } = await readSidecar(md, "---\nissuer: Bộ Tài chính\nkind: cong_van\n---\nNội dung");
    expect(meta).toEqual({ issuer: "Bộ Nội vụ", kind: "cong_van" });
  });

  it("fails with a clear error on bad JSON, an unknown kind or a bad date", async () => {
    const path = join(dir, "bad.txt");
    writeFileSync(`${path}.meta.json`, "{ not json");
    await expect(readSidecar(path, "x")).rejects.toMatchObject({ code: "bad_sidecar", message: expect.stringContaining("bad.txt.meta.json") });
    await expect(readSidecar(join(dir, "k.md"), "---\nkind: Sắc lệnh\n---\nx")).rejects.toBeInstanceOf(ParseError);
    await expect(readSidecar(join(dir, "d.md"), "---\ndate: 31/2/2026\n---\nx")).rejects.toMatchObject({ code: "bad_sidecar" });
  });
});
