/**
 * Delivery slots, as pure functions of a schedule and an instant. A slot is the minute a digest is due,
 * written as an ISO minute in Vietnam time: "2026-11-23T07:30+07:00". Vietnam is UTC+7 all year (no DST),
 * so a fixed offset is exact. Slots of one subscription sort as strings in time order, which is what the
 * delivery ledger's lastSlot relies on.
 */
import { addDays, isoWeekday, vnDate, vnTime } from "../core/time.js";

/** When a subscription is due: every day, or one weekday (1 = Monday ... 7 = Sunday), at HH:MM Vietnam time. */
export interface Schedule {
  cadence: "daily" | "weekly";
  /** "HH:MM", 24-hour. */
  time: string;
  /** 1 = Monday ... 7 = Sunday; weekly only, Monday when absent. */
  weekday?: number;
}

const SLOT_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)\+07:00$/;

/** "7", "30" -> "07:30"; undefined when out of range. */
export function makeTime(hours: number, minutes = 0): string | undefined {
  if (!Number.isInteger(hours) || !Number.isInteger(minutes) || hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

/** The slot for a Vietnam calendar date and time: ("2026-11-23", "07:30") -> "2026-11-23T07:30+07:00". */
export function slotAt(date: string, time: string): string {
  return `${date}T${time}+07:00`;
}

/** The instant a slot names. Throws on anything that is not a slot (a ledger key of another kind). */
export function slotInstant(slot: string): Date {
  if (!SLOT_RE.test(slot)) throw new RangeError(`not a digest slot: ${slot}`);
  return new Date(slot);
}

/** The Vietnam calendar date of a slot: "2026-11-23T07:30+07:00" -> "2026-11-23". */
export function slotDate(slot: string): string {
  return slot.slice(0, 10);
}

/** The slot of the minute holding `now` (seconds dropped), whatever any schedule says. */
export function minuteSlot(now: Date): string {
  return slotAt(vnDate(now), vnTime(now));
}

function weekdayOf(s: Schedule): number {
  return s.cadence === "weekly" ? (s.weekday ?? 1) : 0;
}

/**
 * The latest slot at or before `now`: the one a digest is owed for. Daily: today at `time` once that
 * minute has come, else yesterday's. Weekly: the last `weekday` at `time` on or before now.
 */
export function latestSlot(s: Schedule, now: Date): string {
  const today = vnDate(now);
  const reached = vnTime(now) >= s.time;
  if (s.cadence === "daily") return slotAt(reached ? today : addDays(today, -1), s.time);
  let back = (isoWeekday(today) - weekdayOf(s) + 7) % 7;
  if (back === 0 && !reached) back = 7;
  return slotAt(addDays(today, -back), s.time);
}

/** The first slot strictly after `now`: when the next digest will go out. */
export function nextSlot(s: Schedule, now: Date): string {
  const latest = latestSlot(s, now);
  return slotAt(addDays(slotDate(latest), s.cadence === "daily" ? 1 : 7), s.time);
}

/** The slot before `slot` in the schedule (one day or one week earlier). */
export function previousSlot(s: Schedule, slot: string): string {
  return slotAt(addDays(slotDate(slot), s.cadence === "daily" ? -1 : -7), s.time);
}

export interface DueOptions {
  /** The ledger's latest slot for the subscription (store.lastSlot), if any. */
  last?: string;
  /** When the subscription was made: slots before it are never owed (no digest on the minute one subscribes). */
  since?: Date;
}

/**
 * The slot to deliver at `now`, or undefined when nothing is owed. Only the latest slot is ever owed: after
 * downtime the missed slots collapse into one catch-up (the latest), never a flood of old digests; a slot
 * at or before the ledger's last one was already claimed (delivered, empty, failed, or claimed by a process
 * that died) and is never owed again.
 */
export function dueSlot(s: Schedule, now: Date, opts: DueOptions = {}): string | undefined {
  const latest = latestSlot(s, now);
  if (opts.last !== undefined && isSlot(opts.last) && latest <= opts.last) return undefined;
  if (opts.since && slotInstant(latest).getTime() < floorToMinute(opts.since)) return undefined;
  return latest;
}

/** True for a digest slot (the ledger also holds alert keys, which are not slots). */
export function isSlot(key: string): boolean {
  return SLOT_RE.test(key);
}

function floorToMinute(d: Date): number {
  return Math.floor(d.getTime() / 60_000) * 60_000;
}

/** "2026-11-23T07:30+07:00" -> "07:30 thứ Hai 23/11/2026" (Vietnamese, for confirmations). */
export function describeSlot(slot: string): string {
  const date = slotDate(slot);
  const [y, m, d] = date.split("-").map(Number);
  return `${slot.slice(11, 16)} ${WEEKDAY_NAMES[isoWeekday(date)]} ${d}/${m}/${y}`;
}

/** Vietnamese weekday names, index 1 = Monday ... 7 = Sunday. */
export const WEEKDAY_NAMES = ["", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"] as const;

/** "hằng ngày lúc 07:30", "hằng tuần vào thứ Hai lúc 07:30". */
export function describeSchedule(s: Schedule): string {
  return s.cadence === "daily" ? `hằng ngày lúc ${s.time}` : `hằng tuần vào ${WEEKDAY_NAMES[weekdayOf(s)]} lúc ${s.time}`;
}
