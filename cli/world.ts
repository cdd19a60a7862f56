/**
 * What the commands run on beyond the configuration and the store (./base.ts), loaded with one import when
 * a command first needs it. One module rather than one import per need: bundled, this code then comes in a
 * few chunk files instead of twenty, and Node 20 spends about a millisecond on each ES module it loads.
 * The parsers, PostgreSQL, the exports, the digest and the dump format stay behind imports of their own.
 */
export { openApp } from "../app/open.js";
export { answerText } from "../present/answer.js";
export { taskEntryText } from "../present/tasks.js";
export { findSectionByLabel } from "../core/sections.js";
export { foldKey } from "../core/text.js";
export { isValidDay, vnDate } from "../core/time.js";
export { dueInPeriod, resolveTaskQuery, taskEntries } from "../qa/task-query.js";
export { taskRows } from "../export/table.js";
export * as status from "../core/status.js";
export * as display from "../core/display.js";
export * as time from "../core/time.js";
