/** The machine a run measured, written beside every table so that figures are read against their hardware. */
import { readFileSync } from "node:fs";
import os from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  platform: string;
}

export function describeMachine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() || cpuinfoModel() || "unknown",
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

export function machineLine(m: Machine): string {
  return `${m.cores} cores (${m.cpu}), ${m.memoryGB} GB RAM, Node ${m.node}, ${m.platform}`;
}

function cpuinfoModel(): string | undefined {
  try {
    return /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1];
  } catch {
    return undefined;
  }
}

/** Peak resident set of this process in MB: VmHWM where /proc exists, else getrusage's maxRSS. */
export function peakRssMB(): number {
  try {
    const kb = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Current resident set of this process in MB. */
export function rssMB(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}
