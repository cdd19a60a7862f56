import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { ParseError } from "../../core/errors.js";
import { readDocumentFile } from "../../ingest/parse/read.js";

const VI = "Giao Ban Tổ chức Trung ương chủ trì, phối hợp với các cơ quan liên quan; hoàn thành trong quý II/2026.";
const MAX = 1024 * 1024;
let dir: string;

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function codeOf(path: string, maxBytes = MAX): Promise<string> {
  try {
    await readDocumentFile(path, { maxBytes });
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    return (err as ParseError).code;
  }
  throw new Error(`expected ${path} to fail`);
}

function utf16(text: string, order: "le" | "be", bom: boolean): Buffer {
  const le = Buffer.from(text, "utf16le");
  const body = order === "le" ? le : Buffer.from(le).swap16();
  const mark = order === "le" ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), body]) : body;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nhiemvu-parse-"));
});

describe("readDocumentFile: text encodings", () => {
  it("reads UTF-8 .txt and .md, with the sha256 of the bytes", async () => {
    const path = file("a.txt", VI);
    const doc = await readDocumentFile(path, { maxBytes: MAX });
    expect(doc).toMatchObject({ name: "a.txt", format: "txt", text: VI, path });
    expect(doc.hash).toBe(createHash("sha256").update(Buffer.from(VI)).digest("hex"));
    expect((await readDocumentFile(file("b.md", `# Tiêu đề\n\n${VI}`), { maxBytes: MAX })).format).toBe("md");
  });

  it("drops a UTF-8 BOM", async () => {
    const doc = await readDocumentFile(file("bom.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VI)])), { maxBytes: MAX });
    expect(doc.text).toBe(VI);
  });

  it.each([
    ["le", true], ["be", true], ["le", false], ["be", false],
  ] as const)("reads UTF-16 %s (BOM: %s)", async (order, bom) => {
    const doc = await readDocumentFile(file(`u16-${order}-${bom}.txt`, utf16(VI, order, bom)), { maxBytes: MAX });
    expect(doc.text).toBe(VI);
  });

  it("refuses malformed UTF-8 instead of replacing bytes", async () => {
    expect(await codeOf(file("bad.txt", Buffer.from([0x54, 0x69, 0xe1, 0xba, 0x20, 0xc3, 0x28])))).toBe("malformed_utf8");
  });
});

describe("readDocumentFile: bad input", () => {
  it("unsupported_format for an unknown extension", async () => {
    expect(await codeOf(file("x.dwg", "data"))).toBe("unsupported_format");
    expect(await codeOf(file("noext", "data"))).toBe("unsupported_format");
  });

  it("binary_file for a .txt that is really a PDF, a ZIP, or has NUL bytes", async () => {
    expect(await codeOf(file("pdf.txt", "%PDF-1.7\n1 0 obj"))).toBe("binary_file");
    expect(await codeOf(file("zip.md", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4])))).toBe("binary_file");
    expect(await codeOf(file("nul.txt", Buffer.from([0x41, 0x00, 0x00, 0x42, 0x43, 0x44, 0x45, 0x46, 0x00, 0x00, 0x00, 0x01])))).toBe("binary_file");
  });

  it("empty_file for zero bytes and for whitespace only", async () => {
    expect(await codeOf(file("empty.txt", ""))).toBe("empty_file");
    expect(await codeOf(file("blank.md", " \n\t\n  "))).toBe("empty_file");
  });

  it("too_large before reading, naming size and limit", async () => {
    const path = file("big.txt", "x".repeat(3000));
    const err = await readDocumentFile(path, { maxBytes: 2048 }).catch((e: unknown) => e as ParseError);
    expect(err).toBeInstanceOf(ParseError);
    expect((err as ParseError).code).toBe("too_large");
    expect((err as ParseError).message).toMatch(/big\.txt is 3 KB, over the limit of 2 KB/);
  });

  it("read_failed for a missing file or a folder", async () => {
    expect(await codeOf(join(dir, "missing.txt"))).toBe("read_failed");
    mkdirSync(join(dir, "folder.txt"));
    expect(await codeOf(join(dir, "folder.txt"))).toBe("read_failed");
  });

  it("pdf_broken and docx_broken for files that are not what they claim", async () => {
    expect(await codeOf(file("junk.pdf", "not a pdf at all"))).toBe("pdf_broken");
    expect(await codeOf(file("trunc.pdf", "%PDF-1.4\n%garbage without objects"))).toBe("pdf_broken");
    expect(await codeOf(file("junk.docx", "not a zip"))).toBe("docx_broken");
    expect(await codeOf(file("zip.docx", Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])))).toBe("docx_broken");
  });

  it("messages name the file", async () => {
    const err = await readDocumentFile(file("tên tệp.txt", ""), { maxBytes: MAX }).catch((e: unknown) => e as Error);
    expect((err as Error).message).toContain("tên tệp.txt");
  });
});

describe("readDocumentFile: rich formats", () => {
  it("reads .html/.htm with tables as rows of cells and headings in their own case", async () => {
    const html = `<html><head><style>p{}</style></head><body><h1>Kế hoạch thực hiện</h1><p>${VI}</p>
      <table><tr><th>TT</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th></tr>
      <tr><td>1</td><td>Xây dựng đề án<br>chuyển đổi số</td><td>Bộ Nội vụ</td></tr></table></body></html>`;
    const doc = await readDocumentFile(file("k.htm", html), { maxBytes: MAX });
    expect(doc.format).toBe("html");
    expect(doc.text).toContain("Kế hoạch thực hiện");
    expect(doc.text).toContain(VI);
    expect(doc.text).toContain("| TT | Nhiệm vụ | Cơ quan chủ trì |");
    expect(doc.text).toContain("| 1 | Xây dựng đề án chuyển đổi số | Bộ Nội vụ |");
    expect(doc.text).not.toContain("p{}");
  });

  it("reads .docx paragraphs and tables (made with the docx package)", async () => {
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const d = new Document({
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun({ text: "KẾT LUẬN", bold: true })] }),
          new Paragraph(VI),
          new Table({ rows: [new TableRow({ children: [cell("TT"), cell("Cơ quan chủ trì")] }), new TableRow({ children: [cell("1"), cell("Bộ Tài chính")] })] }),
        ],
      }],
    });
    const doc = await readDocumentFile(file("kl.docx", await Packer.toBuffer(d)), { maxBytes: MAX });
    expect(doc.format).toBe("docx");
    expect(doc.text).toContain("KẾT LUẬN");
    expect(doc.text).toContain(VI);
    expect(doc.text).toContain("| 1 | Bộ Tài chính |");
  });

  it("reads a PDF text layer (made with pdf-lib)", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage().drawText("Conclusion 229-KL/TW on party work", { x: 50, y: 700, size: 14, font });
    pdf.addPage().drawText("Second page text", { x: 50, y: 700, size: 14, font });
    const doc = await readDocumentFile(file("t.pdf", await pdf.save()), { maxBytes: MAX });
    expect(doc.format).toBe("pdf");
    expect(doc.text).toContain("Conclusion 229-KL/TW on party work");
    expect(doc.text).toMatch(/party work\s*\n\n\s*Second page text/);
  });

  it("pdf_no_text for a PDF without a text layer", async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage().drawRectangle({ x: 10, y: 10, width: 100, height: 100 });
    expect(await codeOf(file("scan.pdf", await pdf.save()))).toBe("pdf_no_text");
  });
});
