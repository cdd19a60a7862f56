/**
 * A worker thread that reads files into document drafts (ingest/document.ts `buildDocument`) for the
 * ingest run on the main thread (ingest/build-pool.ts). It loads the organisation registry itself, as the
 * app does, from the same extra file. Each message is one file; each reply its draft or its error's code and
 * message (an error's class does not cross threads).
 */
import { parentPort, workerData } from "node:worker_threads";
import { NhiemvuError } from "../core/errors.js";
import { loadOrgRegistry } from "../core/orgs.js";
import { buildDocument } from "./document.js";
import type { BuildReply, BuildRequest, BuildWorkerData } from "./build-pool.js";

const setup = workerData as BuildWorkerData;
const registry = loadOrgRegistry({ extraFile: setup.registryFile });

// Requests are read one after another, in the order they came.
let turn = Promise.resolve();
parentPort!.on("message", (request: BuildRequest) => {
  turn = turn.then(() => read(request));
});

async function read({ id, path }: BuildRequest): Promise<void> {
  let reply: BuildReply;
  try {
    reply = { id, draft: await buildDocument(path, { registry, maxBytes: setup.maxBytes }) };
  } catch (err) {
    const code = err instanceof NhiemvuError ? err.code : "internal_error";
    reply = { id, error: { code, message: err instanceof Error ? err.message : String(err) } };
  }
  parentPort!.postMessage(reply);
}
