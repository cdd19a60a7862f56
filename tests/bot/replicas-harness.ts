/**
 * Pieces of the replica test: the Bot API emulator delivering to a webhook, nginx as a round-robin load
 * balancer in front of two bot processes, and the bot processes themselves (`node --import tsx bot/main.ts`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { PROJECT } from "../helpers/app.js";
import { freePort } from "./emulator.js";

/**
 * Starts the emulator. telegram-test-api reads the next update and message id when an update is added but
 * bumps them only after the webhook answered, so concurrent users would share update ids (and the bot would
 * rightly skip the "redelivered" ones): here each update takes its ids at once.
 */
export async function startEmulator(): Promise<TelegramServer> {
  // storeTimeout is how long (ms) the emulator keeps messages: the whole run, so that they can be counted.
  const server = new TelegramServer({ port: await freePort(), host: "127.0.0.1", storeTimeout: 15 * 60_000 });
  const ids = server as unknown as { getCommonFields(token: string): object; updateId: number; messageId: number };
  const common = ids.getCommonFields.bind(server);
  ids.getCommonFields = (token) => {
    const fields = common(token);
    ids.updateId++;
    ids.messageId++;
    return fields;
  };
  await server.start();
  return server;
}

export interface Nginx {
  port: number;
  proc: ChildProcess;
  /** Access-log lines: "<status> <upstream addresses> <upstream statuses> <request time>". */
  accessLog(): string[];
  stop(): Promise<void>;
}

/**
 * Starts Debian's nginx with a config of its own in `dir`: round robin over `upstreams`, a request that fails
 * on one (connection refused or reset, 502, timeout) passed to the next, also for POST (non_idempotent).
 * The emulator does not send Telegram's secret-token header, so nginx adds it.
 */
export async function startNginx(bin: string, dir: string, upstreams: number[], secret: string): Promise<Nginx> {
  const port = await freePort();
  mkdirSync(join(dir, "logs"), { recursive: true });
  const conf = `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  log_format replicas '$status $upstream_addr $upstream_status $request_time';
  access_log ${dir}/logs/access.log replicas;
  upstream bots {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n")}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://bots;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Telegram-Bot-Api-Secret-Token "${secret}";
      proxy_next_upstream error timeout http_502 non_idempotent;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }
}
`;
  writeFileSync(join(dir, "nginx.conf"), conf);
  const args = ["-p", dir, "-e", join(dir, "logs", "error.log"), "-c", join(dir, "nginx.conf"), "-g", "daemon off;" + (process.getuid?.() === 0 ? " user root;" : "")];
  const proc = spawn(bin, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  proc.stderr!.on("data", (d) => (stderr += String(d)));
  await waitFor(async () => {
    if (proc.exitCode !== null) throw new Error(`nginx exited: ${stderr}${readFileSync(join(dir, "logs", "error.log"), "utf8")}`);
    // A TCP connect, not a request: a request now would find no replica up and get both marked down.
    return new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => resolve(true)).once("error", () => resolve(false));
      socket.once("close", () => socket.destroy());
      setTimeout(() => socket.end(), 10);
    });
  }, 10_000, "nginx to listen");
  return {
    port, proc,
    accessLog: () => readFileSync(join(dir, "logs", "access.log"), "utf8").split("\n").filter(Boolean),
    stop: () => stopChild(proc, "SIGQUIT"),
  };
}

export interface Replica {
  name: string;
  port: number;
  proc: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Spawns `node --import tsx bot/main.ts` with `env` and waits until it says it runs. */
export async function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const port = Number(env.WEBHOOK_PORT);
  const proc = spawn(process.execPath, ["--import", "tsx", join(PROJECT, "bot", "main.ts")], {
    cwd: PROJECT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout!.on("data", (d) => (out += String(d)));
  proc.stderr!.on("data", (d) => (out += String(d)));
  await waitFor(async () => {
    if (proc.exitCode !== null) throw new Error(`${name} exited ${proc.exitCode}: ${out}`);
    return out.includes("đang chạy");
  }, 60_000, `${name} to start`);
  return { name, port, proc, output: () => out, stop: () => stopChild(proc, "SIGTERM") };
}

/** Runs the project CLI (`nhiemvu ...`) with `env`; throws with its output when it fails. */
export async function runCli(args: string[], env: Record<string, string>): Promise<string> {
  const proc = spawn(process.execPath, ["--import", "tsx", join(PROJECT, "cli", "main.ts"), ...args], {
    cwd: PROJECT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout!.on("data", (d) => (out += String(d)));
  proc.stderr!.on("data", (d) => (out += String(d)));
  const code = await new Promise<number | null>((resolve) => proc.once("exit", resolve));
  if (code !== 0) throw new Error(`nhiemvu ${args.join(" ")} exited ${code}: ${out}`);
  return out;
}

export async function waitFor(check: () => Promise<boolean> | boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stopChild(proc: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  proc.kill(signal);
  const timer = setTimeout(() => proc.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
