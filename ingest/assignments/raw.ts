/** The shape every rule (prose, lists, tables) produces before records are built. */
import type { Role } from "../../core/types.js";
import type { Body } from "./bodies.js";
import type { FoundDeadline } from "./deadlines.js";

export interface RawTask {
  bodies: Array<{ body: Body; role: Role }>;
  taskStart: number;
  taskEnd: number;
  quoteStart: number;
  quoteEnd: number;
  deadline?: FoundDeadline;
}
