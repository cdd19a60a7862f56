import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sanitizeFileName } from "../../bot/upload.js";
import { ADMIN, buttons, harness, USER } from "./harness.js";

/** Stands in for Telegram's file endpoint: /file/bot<token>/documents/<name>. */
let server: Server;
let apiRoot: string;
const served: string[] = [];
const FILES: Record<string, string> = {
  "thong-bao.txt": "THÔNG BÁO\n1. Giao Bộ Tài chính chủ trì ...",
  "hong.txt": "BROKEN",
  "a.md": "# A",
  "b.md": "# B",
};

beforeAll(async () => {
  server = createServer((req, res) => {
    served.push(req.url ?? "");
    const m = /^\/file\/bot([^/]+)\/documents\/(.+)$/.exec(req.url ?? "");
    const body = m && m[1] === "123:TESTTOKEN" ? FILES[decodeURIComponent(m[2]!)] : undefined;
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/octet-stream" }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function withDataDir() {
  const dir = mkdtempSync(join(tmpdir(), "nhiemvu-bot-"));
  const h = harness({ env: { DATA_DIR: dir }, apiRoot });
  return { h, dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

describe("uploads", () => {
  it("an admin's document is downloaded to <dataDir>/uploads, ingested, and reported by organisation", async () => {
    const { h, dir, done } = withDataDir();
    await h.upload(ADMIN, { file_name: "thong-bao.txt", file_size: 100 });
    const saved = join(dir, "uploads", "thong-bao.txt");
    expect(h.app.ingested).toEqual([saved]);
    expect(readFileSync(saved, "utf8")).toBe(FILES["thong-bao.txt"]);
    const report = h.texts().join("\n");
    expect(report).toContain("✅ Đã nạp <b>Thông báo 100/TB-VPCP</b>");
    expect(report).toContain("• Bộ Tài chính: 2 (chủ trì 1, thực hiện 1)");
    done();
  });

  it("while another replica ingests, an upload is kept and the admin is asked to send it again shortly", async () => {
    const { h, dir, done } = withDataDir();
    let release!: () => void;
    const other = h.app.store.withLock("ingest", () => new Promise<void>((r) => (release = r)));
    await h.upload(ADMIN, { file_name: "thong-bao.txt", file_size: 100 });
    expect(h.app.ingested).toEqual([]);
    expect(h.texts().join("\n")).toContain("Đang có một văn bản khác được nạp");
    expect(existsSync(join(dir, "uploads", "thong-bao.txt"))).toBe(true);
    release();
    await other;
    h.clear();
    await h.upload(ADMIN, { file_name: "thong-bao.txt", file_size: 100 });
    expect(h.app.ingested).toEqual([join(dir, "uploads", "thong-bao.txt")]);
    expect(h.texts().join("\n")).toContain("✅ Đã nạp");
    done();
  });

  it("several files in a row each get a reply; a broken one gets a clear reason", async () => {
    const { h, done } = withDataDir();
    await h.upload(ADMIN, { file_name: "a.md", file_size: 3 });
    await h.upload(ADMIN, { file_name: "hong.txt", file_size: 6 });
    await h.upload(ADMIN, { file_name: "b.md", file_size: 3 });
    const t = h.texts();
    expect(t).toHaveLength(3);
    expect(t[0]).toContain("Đã nạp");
    expect(t[1]).toBe("❌ Không nạp được “hong.txt”: tệp bị hỏng hoặc không đọc được.");
    expect(t[2]).toContain("Đã nạp");
    done();
  });

  it("a 50 MB upload is refused before any download", async () => {
    const { h, done } = withDataDir();
    served.length = 0;
    await h.upload(ADMIN, { file_name: "lon.pdf", file_size: 50 * 1024 * 1024 });
    expect(h.texts()).toEqual(["Tệp “lon.pdf” quá lớn (50,0 MB); giới hạn là 20,0 MB. Hãy tách nhỏ hoặc nén tệp rồi gửi lại."]);
    expect(h.calls.some((c) => c.method === "getFile")).toBe(false);
    expect(served).toHaveLength(0);
    expect(h.app.ingested).toHaveLength(0);
    done();
  });

  it("an unsupported format is refused; a missing file gives a retry message", async () => {
    const { h, done } = withDataDir();
    await h.upload(ADMIN, { file_name: "ban-ve.dwg", file_size: 10 });
    await h.upload(ADMIN, { file_name: "khong-co.txt", file_size: 10 });
    expect(h.texts()[0]).toContain("định dạng .dwg chưa được hỗ trợ");
    expect(h.texts()[1]).toBe("Không tải được tệp “khong-co.txt” từ Telegram. Vui lòng gửi lại.");
    expect(h.app.ingested).toHaveLength(0);
    done();
  });

  it("an allowed non-admin cannot upload: polite refusal, nothing downloaded or ingested", async () => {
    const { h, dir, done } = withDataDir();
    await h.upload(USER, { file_name: "thong-bao.txt", file_size: 100 });
    expect(h.texts()[0]).toContain("Chỉ quản trị viên mới có thể gửi văn bản");
    expect(h.calls.some((c) => c.method === "getFile")).toBe(false);
    expect(h.app.ingested).toHaveLength(0);
    expect(existsSync(join(dir, "uploads"))).toBe(false);
    done();
  });

  it("file names are sanitised", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("..\\..\\x.pdf")).toBe("x.pdf");
    expect(sanitizeFileName("Kết luận <229>: \"mới\"?.docx")).toBe("Kết luận _229_ _mới_.docx");
    expect(sanitizeFileName(".hidden.txt")).toBe("hidden.txt");
    expect(sanitizeFileName(`${"a".repeat(300)}.pdf`).length).toBeLessThanOrEqual(120);
  });
});

describe("/xoa", () => {
  it("asks for confirmation and removes the document when the admin confirms", async () => {
    const { h, done } = withDataDir();
    await h.text(ADMIN, "/xoa 229-KL/TW");
    const confirm = buttons(h.sent()[0]);
    expect(h.texts()[0]).toContain("Xóa văn bản <b>Kết luận 229-KL/TW</b>");
    expect(h.app.state.removed).toEqual([]);
    // A non-admin pressing the button (e.g. forwarded) removes nothing.
    await h.press(USER, confirm[0]!.data, USER);
    expect(h.app.state.removed).toEqual([]);
    await h.press(ADMIN, confirm[0]!.data, ADMIN);
    expect(h.app.state.removed).toEqual([1]);
    expect(h.texts().at(-1)).toContain("Đã xóa Kết luận 229-KL/TW");
    done();
  });

  it("is refused to non-admins, and explains unknown references", async () => {
    const { h, done } = withDataDir();
    await h.text(USER, "/xoa 229-KL/TW");
    await h.text(ADMIN, "/xoa 1/XX");
    expect(h.texts()).toEqual(["Lệnh này chỉ dành cho quản trị viên.", "Không tìm thấy văn bản “1/XX”."]);
    expect(h.app.state.removed).toEqual([]);
    done();
  });
});
