/** Runs a bench script in a child Node process (TypeScript through tsx) and parses its last JSON line. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const PROJECT = fileURLToPath(new URL("../../", import.meta.url));

export interface ChildRun<T> {
  value: T;
  wallMs: number;
}

export function runChild<T>(script: string, args: string[], timeoutMs = 15 * 60_000): Promise<ChildRun<T>> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: PROJECT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "", stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - t0;
      const last = stdout.trim().split("\n").pop() ?? "";
      if (code !== 0) return reject(new Error(`${script} exited ${code ?? signal}: ${stderr.trim().split("\n").slice(-5).join(" / ")}`));
      try {
        resolve({ value: JSON.parse(last) as T, wallMs });
      } catch {
        reject(new Error(`${script} printed no JSON: ${last.slice(0, 200)}`));
      }
    });
  });
}
