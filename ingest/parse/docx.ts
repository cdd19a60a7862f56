/**
 * .docx to text: mammoth's HTML (which keeps tables and lists) through our HTML converter. Runs set in a
 * legacy Vietnamese font (.VnTime / .VnArial: TCVN3; VNI-Times: VNI) are converted to Unicode first, and
 * a document written wholly in one (the font set by a style mammoth does not report) is caught on its text.
 */
import mammoth from "mammoth";
import { ParseError } from "../../core/errors.js";
import { decodeTcvn3, decodeVni, fromLegacyText } from "../encodings/legacy.js";
import { htmlToPlainText } from "./html.js";

interface MammothElement { type: string; value?: string; font?: string | null; children?: MammothElement[] }

/** The legacy encoding a font name implies: ".VnTime", ".VnTimeH", "VNtimes new roman" -> TCVN3; "VNI-Times" -> VNI. */
export function fontEncoding(font: string | null | undefined): "tcvn3" | "vni" | undefined {
  if (!font) return undefined;
  if (/^VNI[- ]/i.test(font)) return "vni";
  if (/^\.?Vn[A-Z]/.test(font) || /^VNtimes/i.test(font)) return "tcvn3";
  return undefined;
}

/** mammoth's document transforms (in its JavaScript API, missing from its type declarations). */
const transforms = (mammoth as unknown as { transforms: { run(f: (run: MammothElement) => MammothElement): (doc: unknown) => unknown } }).transforms;

function convertRun(run: MammothElement): MammothElement {
  const encoding = fontEncoding(run.font);
  if (!encoding) return run;
  // .VnTimeH, .VnArialH: the upper-case fonts of TCVN3 draw lower-case codes as capitals.
  const upper = encoding === "tcvn3" && /H$/.test(run.font!);
  const convert = (s: string) => {
    const u = encoding === "tcvn3" ? decodeTcvn3(s) : decodeVni(s);
    return upper ? u.toUpperCase() : u;
  };
  const walk = (e: MammothElement): MammothElement =>
    e.type === "text" && typeof e.value === "string" ? { ...e, value: convert(e.value) }
      : e.children ? { ...e, children: e.children.map(walk) } : e;
  return walk(run);
}

/** Text of a .docx file's body; tables come out one row a line. */
export async function docxToText(bytes: Buffer, file: string): Promise<string> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ParseError("docx_broken", `${file} is not a valid .docx file (it is not a ZIP package). Old .doc files must be saved as .docx first.`);
  }
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes }, { transformDocument: transforms.run(convertRun) });
    return fromLegacyText(htmlToPlainText(result.value)).text;
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new ParseError("docx_broken", `${file} could not be read as a .docx file: ${why}`, { cause });
  }
}
