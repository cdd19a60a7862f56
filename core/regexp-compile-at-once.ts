/**
 * Imported first by the entry points (cli/main.ts, bot/main.ts), for its effect: regular expressions are
 * compiled to machine code on their first run. V8 by default runs an expression in its bytecode
 * interpreter first and compiles it on the second run; the organisation and period expressions are
 * alternations of hundreds of words, slow to interpret and compiled right after anyway, which cost a
 * command about 40 ms at its first question (first findAll 31 -> 9 ms, first scanPeriods 20 -> 8 ms).
 * Matching is the same either way; an expression run many times was compiled already.
 */
import { setFlagsFromString } from "node:v8";

setFlagsFromString("--no-regexp-tier-up");
