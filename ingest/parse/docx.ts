/** .docx to text: mammoth's HTML (which keeps tables and lists) through our HTML converter. */
import mammoth from "mammoth";
import { ParseError } from "../../core/errors.js";
import { htmlToPlainText } from "./html.js";

/** Text of a .docx file's body; tables come out one row a line. */
export async function docxToText(bytes: Buffer, file: string): Promise<string> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ParseError("docx_broken", `${file} is not a valid .docx file (it is not a ZIP package). Old .doc files must be saved as .docx first.`);
  }
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes });
    return htmlToPlainText(result.value);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new ParseError("docx_broken", `${file} could not be read as a .docx file: ${why}`, { cause });
  }
}
