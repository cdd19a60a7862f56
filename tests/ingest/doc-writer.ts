/**
 * A minimal Word 97-2003 (.doc) writer for tests: an OLE compound file holding a WordDocument stream
 * (a FIB and the text as UTF-16) and a 1Table stream (a piece table with one piece). No formatting, no
 * styles: enough for antiword and catdoc to read the text, which is all the ingest test needs.
 */
const SECTOR = 512;
const FREE = 0xffffffff, END = 0xfffffffe, FATSECT = 0xfffffffd;
const TEXT_AT = 0x400;

function wordDocumentStream(text: string): { word: Buffer; table: Buffer } {
  const body = Buffer.from(text.replace(/\r?\n/g, "\r") + "\r", "utf16le");
  const ccp = body.length / 2;
  const word = Buffer.alloc(Math.max(4096, TEXT_AT + body.length));
  word.writeUInt16LE(0xa5ec, 0); // wIdent
  word.writeUInt16LE(0x00c1, 2); // nFib: Word 97
  word.writeUInt16LE(0x0409, 6); // lid
  word.writeUInt16LE(0x1200, 10); // fExtChar (Unicode text), fWhichTblStm (the table stream is 1Table)
  word.writeUInt16LE(0x00bf, 12); // nFibBack
  word.writeUInt32LE(TEXT_AT, 0x18); // fcMin (Word 6 readers)
  word.writeUInt32LE(TEXT_AT + body.length, 0x1c); // fcMac
  word.writeUInt16LE(14, 32); // csw
  word.writeUInt16LE(22, 62); // cslw
  word.writeUInt32LE(word.length, 0x40); // cbMac
  word.writeUInt32LE(ccp, 0x4c); // ccpText
  word.writeUInt16LE(93, 0x98); // cbRgFcLcb
  // The piece table (Clx): one piece, CPs [0, ccp], its text at TEXT_AT, not compressed (UTF-16).
  const clx = Buffer.alloc(1 + 4 + 8 + 8);
  clx.writeUInt8(0x02, 0);
  clx.writeUInt32LE(16, 1);
  clx.writeUInt32LE(0, 5);
  clx.writeUInt32LE(ccp, 9);
  clx.writeUInt16LE(0, 13); // pcd flags
  clx.writeUInt32LE(TEXT_AT, 15); // fc
  clx.writeUInt16LE(0, 19); // prm
  const table = Buffer.alloc(4096);
  clx.copy(table, 0);
  word.writeUInt32LE(0, 0x1a2); // fcClx
  word.writeUInt32LE(clx.length, 0x1a6); // lcbClx
  body.copy(word, TEXT_AT);
  return { word, table };
}

function dirEntry(name: string, type: number, start: number, size: number, child = FREE, right = FREE): Buffer {
  const e = Buffer.alloc(128);
  const n = Buffer.from(name + "\0", "utf16le");
  n.copy(e, 0);
  e.writeUInt16LE(n.length, 64);
  e.writeUInt8(type, 66);
  e.writeUInt8(1, 67); // black
  e.writeUInt32LE(FREE, 68); // left
  e.writeUInt32LE(right, 72);
  e.writeUInt32LE(child, 76);
  e.writeUInt32LE(start, 116);
  e.writeUInt32LE(size, 120);
  return e;
}

/** The bytes of a .doc file holding `text` (lines become paragraphs). */
export function writeDoc(text: string): Buffer {
  const { word, table } = wordDocumentStream(text);
  const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc((SECTOR - (b.length % SECTOR)) % SECTOR)]);
  const w = pad(word), t = pad(table);
  const wSectors = w.length / SECTOR, tSectors = t.length / SECTOR;
  const wStart = 2, tStart = 2 + wSectors;
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(END, 4);
  for (let i = 0; i < wSectors; i++) fat.writeUInt32LE(i === wSectors - 1 ? END : wStart + i + 1, (wStart + i) * 4);
  for (let i = 0; i < tSectors; i++) fat.writeUInt32LE(i === tSectors - 1 ? END : tStart + i + 1, (tStart + i) * 4);
  const dir = Buffer.concat([
    dirEntry("Root Entry", 5, END, 0, 1),
    dirEntry("1Table", 2, tStart, table.length, FREE, 2),
    dirEntry("WordDocument", 2, wStart, word.length),
    Buffer.alloc(128),
  ]);
  dir.writeUInt32LE(FREE, 384 + 68); dir.writeUInt32LE(FREE, 384 + 72); dir.writeUInt32LE(FREE, 384 + 76);
  const header = Buffer.alloc(SECTOR, 0);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END, 60); // no mini FAT
  header.writeUInt32LE(END, 68); // no DIFAT sectors
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 76 + i * 4);
  return Buffer.concat([header, fat, dir, w, t]);
}
