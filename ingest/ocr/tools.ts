/**
 * The Debian programs OCR runs as child processes: tesseract (with its Vietnamese data, tesseract-ocr-vie)
 * and poppler's pdftoppm. Found once on PATH; each run has a timeout and is killed when it passes.
 */
import { execFile, execFileSync } from "node:child_process";

export interface OcrTools {
  tesseract: string;
  pdftoppm: string;
  /** tesseract's version line: part of every cache key, so a new engine reads again. */
  version: string;
}

let found: OcrTools | null | undefined;

/** The OCR programs, or null when tesseract, its Vietnamese data or pdftoppm is missing. */
export function findOcrTools(): OcrTools | null {
  if (found !== undefined) return found;
  try {
    const version = execFileSync("tesseract", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).split("\n")[0]!.trim();
    const langs = execFileSync("tesseract", ["--list-langs"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    found = /^vie$/m.test(langs) ? { tesseract: "tesseract", pdftoppm: "pdftoppm", version } : null;
  } catch {
    found = null;
  }
  return found;
}

/** What to tell someone whose machine has no OCR. */
export const OCR_INSTALL_HINT = "install Debian's tesseract-ocr, tesseract-ocr-vie and poppler-utils (apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils)";

export class ToolError extends Error {
  constructor(readonly kind: "timeout" | "failed", message: string) {
    super(message);
  }
}

/** Run a program; stdout as a Buffer. Rejects with ToolError on a non-zero exit or after `timeoutMs`. */
export function runTool(cmd: string, args: string[], timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // One thread per tesseract: the pool runs one process per core.
    const env = { ...process.env, OMP_THREAD_LIMIT: "1" };
    execFile(cmd, args, { encoding: "buffer", timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024, env }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string };
      if (e.killed || e.signal === "SIGKILL") return reject(new ToolError("timeout", `${cmd} took longer than ${Math.round(timeoutMs / 1000)} s`));
      const why = stderr.toString("utf8").trim().split("\n").slice(-1)[0] || e.message;
      reject(new ToolError("failed", `${cmd} failed: ${why}`));
    });
  });
}
