/**
 * Servers the test run provides besides PostgreSQL (tests/helpers/pg.ts): the nginx binary for the
 * replica tests, found by the global setup tests/setup/nginx.ts.
 */
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    nginxBin: string | undefined;
  }
}

/** The path of Debian's nginx, or undefined when it is not installed (the test should skip). */
export function nginxBin(): string | undefined {
  return inject("nginxBin") || undefined;
}
