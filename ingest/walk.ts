import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ParseError } from "../core/errors.js";

/** Files under the given paths (folders recursively), absolute, sorted, without hidden files or sidecars. */
export async function listInputFiles(paths: string[]): Promise<{ files: string[]; folders: string[]; missing: string[] }> {
  const files = new Set<string>();
  const folders: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    const info = await stat(abs).catch(() => undefined);
    if (!info) missing.push(abs);
    else if (info.isDirectory()) {
      folders.push(abs);
      for (const f of await walk(abs)) files.add(f);
    } else files.add(abs);
  }
  return { files: [...files].sort(), folders, missing };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith(".") || isSidecar(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** `NAME.meta.json` files describe a document; they are not documents themselves. */
export function isSidecar(name: string): boolean {
  return name.endsWith(".meta.json");
}

export function missingPathError(path: string): ParseError {
  return new ParseError("not_found", `No such file or folder: ${path}`);
}
