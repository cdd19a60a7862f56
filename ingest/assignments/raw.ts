/** The shape every rule (prose, lists, tables) produces before records are built. */
import type { Role } from "../../core/types.js";
import type { Body } from "./bodies.js";
import type { FoundDeadline } from "./deadlines.js";

export interface RawTask {
  bodies: Array<{ body: Body; role: Role }>;
  /** Bodies a coordinating body works with ("X phối hợp với Y"): named in its record, given none of their own. */
  partners?: Body[];
  taskStart: number;
  taskEnd: number;
  quoteStart: number;
  quoteEnd: number;
  deadline?: FoundDeadline;
}
