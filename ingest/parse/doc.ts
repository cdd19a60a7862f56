/**
 * Word 97-2003 (.doc) to text through Debian's antiword (UTF-8 output, no line wrapping), and catdoc
 * when antiword cannot read the file (Word 6/95, fast-saved files). Both run as child processes with a
 * timeout. Legacy-font text (.VnTime, VNI-Times) is converted like any text.
 */
import { execFileSync } from "node:child_process";
import { ParseError } from "../../core/errors.js";
import { fromLegacyText } from "../encodings/legacy.js";
import { runTool } from "../ocr/tools.js";

const TIMEOUT_MS = 60_000;
const ANTIWORD_TRIES = 6;
export const DOC_INSTALL_HINT = "install Debian's antiword or catdoc (apt-get install antiword catdoc)";

let tools: { antiword: boolean; catdoc: boolean } | undefined;
function available(): { antiword: boolean; catdoc: boolean } {
  const has = (cmd: string, arg: string) => {
    try { execFileSync(cmd, [arg], { stdio: "ignore" }); return true; } catch (e) { return (e as NodeJS.ErrnoException).code !== "ENOENT"; }
  };
  return (tools ??= { antiword: has("antiword", "-h"), catdoc: has("catdoc", "-V") });
}

/** Text of a .doc file at `path`. Throws ParseError doc_unavailable, doc_broken. */
export async function docToText(bytes: Uint8Array, path: string, file: string): Promise<string> {
  if (bytes[0] === 0x7b && bytes[1] === 0x5c && bytes[2] === 0x72) {
    throw new ParseError("doc_broken", `${file} is an RTF document with a .doc name: open it in Word and save it as .docx.`);
  }
  if (!(bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)) {
    throw new ParseError("doc_broken", `${file} is not a Word 97-2003 .doc file (it is not an OLE compound file).`);
  }
  const { antiword, catdoc } = available();
  if (!antiword && !catdoc) throw new ParseError("doc_unavailable", `${file}: reading .doc files needs a converter that is not installed here: ${DOC_INSTALL_HINT}.`);
  const why: string[] = [];
  // antiword crashes now and then (a segmentation fault) on a file it reads on the next try; catdoc,
  // the fallback, drops U+00AD, which is "ư" in TCVN3 text, so antiword is given a few tries first.
  for (let attempt = 0; antiword && attempt < ANTIWORD_TRIES; attempt++) {
    try {
      const text = (await runTool("antiword", ["-m", "UTF-8.txt", "-w", "0", path], TIMEOUT_MS)).toString("utf8");
      if (text.trim()) return fromLegacyText(text).text;
      break;
    } catch (err) {
      if (attempt === ANTIWORD_TRIES - 1) why.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (catdoc) {
    try {
      const text = (await runTool("catdoc", ["-d", "utf-8", "-w", path], TIMEOUT_MS)).toString("utf8");
      if (text.trim()) return fromLegacyText(text).text;
    } catch (err) {
      why.push(err instanceof Error ? err.message : String(err));
    }
  }
  throw new ParseError("doc_broken", `${file} could not be read as a Word 97-2003 file${why.length ? `: ${why.join("; ")}` : " (no text found)"}.`);
}
