/**
 * Vitest global setup: tells the replica tests where Debian's nginx is (scripts/test-services.sh installs
 * it). Nothing is started here; each test runs its own nginx with its own config on loopback ports.
 * Tests read it with `nginxBin()` (tests/helpers/services.ts) and skip when it is undefined; with
 * CI_REQUIRE_SERVICES=1 (set by .ci/run) a missing nginx fails the run instead.
 */
import { accessSync, constants } from "node:fs";
import type { TestProject } from "vitest/node";

const NGINX = "/usr/sbin/nginx";

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export default function setup(project: TestProject): void {
  const found = executable(NGINX);
  if (!found && process.env.CI_REQUIRE_SERVICES === "1") {
    throw new Error(`CI_REQUIRE_SERVICES=1 but ${NGINX} is missing (scripts/test-services.sh installs it).`);
  }
  project.provide("nginxBin", found ? NGINX : undefined);
}
