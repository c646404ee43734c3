/**
 * Working-time calendar for SLA computations (pure: no Firebase, no I/O, no machine-TZ dependence).
 *
 * Time zone: the office works in Asia/Jakarta (WIB), which is UTC+7 all year round (Indonesia has
 * no daylight-saving time). Instead of relying on the process TZ or Intl, all wall-clock arithmetic
 * is done with the constant offset {@link JAKARTA_UTC_OFFSET_MINUTES}. Every input and output is a
 * JS `Date`, i.e. an absolute UTC instant; "local" below always means Jakarta wall-clock time.
 *
 * Holidays: national holidays of Indonesia come from `date-holidays` (country 'ID'), computed
 * lazily per year and cached. By default only type 'public' is used. Decision: 'bank' and
 * 'optional' are NOT included by default — the ID data set (v3.37) contains only 'public'
 * entries anyway, and should a future release add e.g. cuti bersama as 'optional', SLA deadlines
 * must not shift silently on a dependency upgrade; the set is configurable via
 * `holidays.types`. Cuti bersama (collective leave, set yearly by SKB 3 Menteri) are not reliably
 * in date-holidays, so admins maintain them in `additions`; `removals` cancels a date-holidays
 * entry on which the office does work (e.g. when a computed Islamic date differs from the SKB).
 */
import Holidays from 'date-holidays';

/** Jakarta (WIB) is UTC+7 with no DST. */
export const JAKARTA_UTC_OFFSET_MINUTES = 7 * 60;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const OFFSET_MS = JAKARTA_UTC_OFFSET_MINUTES * MINUTE_MS;
/** Safety net against configurations that (almost) never work: ~200 years of days. */
const MAX_DAYS_SCANNED = 366 * 200;

/** Holiday types of date-holidays that may close the office. */
export type NationalHolidayType = 'public' | 'bank' | 'optional';

export interface NationalHolidaysConfig {
  /** Only Indonesia is supported. */
  readonly country: 'ID';
  /** date-holidays types treated as non-working; `[]` disables national holidays. */
  readonly types: readonly NationalHolidayType[];
}

/** An admin-maintained extra non-working date (e.g. cuti bersama Idul Fitri). */
export interface HolidayAddition {
  /** Jakarta local date, 'YYYY-MM-DD'. */
  readonly date: string;
  readonly name: string;
}

export interface CalendarConfig {
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  readonly workingDays: readonly number[];
  /** Start of working hours, 'HH:MM' Jakarta time. */
  readonly dayStart: string;
  /** End of working hours, 'HH:MM' Jakarta time ('24:00' allowed); must be after dayStart. */
  readonly dayEnd: string;
  /** Source of national holidays. */
  readonly holidays: NationalHolidaysConfig;
  /** Extra non-working dates (always non-working, whatever date-holidays says). */
  readonly additions: readonly HolidayAddition[];
  /** 'YYYY-MM-DD' dates listed by date-holidays on which the office works. A removal only cancels
   * the holiday: a removed date that falls on a non-working weekday stays non-working. */
  readonly removals: readonly string[];
  /** Working days to follow up a complaint (SP4N-LAPOR! standard: 5). */
  readonly caseTargetWorkingDays: number;
}

/** A service standard: either working minutes or whole working days. */
export type TimeStandard = { minutes: number } | { workingDays: number };

export interface WorkingCalendar {
  /** The validated, effective configuration. */
  readonly config: Readonly<CalendarConfig>;
  /** Whether the Jakarta local date of `date` is a working day (working weekday, not a holiday). */
  isWorkingDay(date: Date): boolean;
  /** Name of the holiday on the Jakarta local date of `date`, or null (weekends are not holidays). */
  holidayName(date: Date): string | null;
  /** The instant at which `standard` working time, counted from `start`, has elapsed. */
  addWorkingTime(start: Date, standard: TimeStandard): Date;
  /** Working minutes elapsed from `a` to `b` (0 if b <= a). May be fractional (ms precision). */
  workingMinutesBetween(a: Date, b: Date): number;
  /** Due date of a complaint: `caseTargetWorkingDays` working days after submission. */
  caseDueAt(submittedAt: Date): Date;
  /** The instant at which `fraction` (0..1) of the standard's working time has elapsed. */
  fractionPoint(start: Date, standard: TimeStandard, fraction: number): Date;
}

export const DEFAULT_CALENDAR_CONFIG: Readonly<CalendarConfig> = Object.freeze({
  workingDays: Object.freeze([1, 2, 3, 4, 5]),
  dayStart: '08:00',
  dayEnd: '16:00',
  holidays: Object.freeze({ country: 'ID' as const, types: Object.freeze(['public' as const]) }),
  additions: Object.freeze([]),
  removals: Object.freeze([]),
  caseTargetWorkingDays: 5,
});

const HHMM_RE = /^(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOLIDAY_TYPES: readonly NationalHolidayType[] = ['public', 'bank', 'optional'];

/** Parses 'HH:MM' (00:00–23:59, or exactly '24:00') into minutes since midnight. Throws otherwise. */
export function parseHHMM(value: string): number {
  const m = HHMM_RE.exec(value);
  if (m === null) throw new Error(`Invalid time "${value}": expected 'HH:MM'`);
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours === 24 && minutes === 0) return 24 * 60;
  if (hours > 23 || minutes > 59) throw new Error(`Invalid time "${value}": out of range`);
  return hours * 60 + minutes;
}

/** Jakarta local calendar date of an instant, as 'YYYY-MM-DD'. */
export function toJakartaDateKey(date: Date): string {
  return dayIndexToKey(dayIndexOf(instantMs(date, 'date')));
}

function isValidDateKey(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Merges `config` over the defaults and validates it; throws an Error describing the problem. */
export function resolveCalendarConfig(config?: Partial<CalendarConfig>): Readonly<CalendarConfig> {
  const merged: CalendarConfig = {
    workingDays: config?.workingDays ?? DEFAULT_CALENDAR_CONFIG.workingDays,
    dayStart: config?.dayStart ?? DEFAULT_CALENDAR_CONFIG.dayStart,
    dayEnd: config?.dayEnd ?? DEFAULT_CALENDAR_CONFIG.dayEnd,
    holidays: config?.holidays ?? DEFAULT_CALENDAR_CONFIG.holidays,
    additions: config?.additions ?? DEFAULT_CALENDAR_CONFIG.additions,
    removals: config?.removals ?? DEFAULT_CALENDAR_CONFIG.removals,
    caseTargetWorkingDays: config?.caseTargetWorkingDays ?? DEFAULT_CALENDAR_CONFIG.caseTargetWorkingDays,
  };
  const err = (msg: string): Error => new Error(`Invalid calendar config: ${msg}`);

  if (!Array.isArray(merged.workingDays) || merged.workingDays.length === 0) {
    throw err('workingDays must be a non-empty array of ISO weekdays (1=Mon..7=Sun)');
  }
  for (const d of merged.workingDays) {
    if (!Number.isInteger(d) || d < 1 || d > 7) throw err(`workingDays contains ${String(d)}; expected integers 1..7`);
  }
  let start: number;
  let end: number;
  try {
    start = parseHHMM(merged.dayStart);
    end = parseHHMM(merged.dayEnd);
  } catch (e) {
    throw err(e instanceof Error ? e.message : String(e));
  }
  if (start >= end) throw err(`dayStart (${merged.dayStart}) must be before dayEnd (${merged.dayEnd})`);
  if (merged.holidays.country !== 'ID') throw err(`holidays.country must be 'ID'`);
  if (!Array.isArray(merged.holidays.types)) throw err('holidays.types must be an array');
  if (!Array.isArray(merged.additions)) throw err('additions must be an array');
  if (!Array.isArray(merged.removals)) throw err('removals must be an array');
  for (const t of merged.holidays.types) {
    if (!HOLIDAY_TYPES.includes(t)) throw err(`holidays.types contains unknown type "${String(t)}"`);
  }
  const added = new Set<string>();
  for (const a of merged.additions) {
    if (!isValidDateKey(a.date)) throw err(`additions: "${a.date}" is not a valid YYYY-MM-DD date`);
    if (typeof a.name !== 'string' || a.name.trim() === '') throw err(`additions: ${a.date} needs a name`);
    added.add(a.date);
  }
  for (const r of merged.removals) {
    if (!isValidDateKey(r)) throw err(`removals: "${r}" is not a valid YYYY-MM-DD date`);
    if (added.has(r)) throw err(`${r} is both in additions and removals`);
  }
  if (!Number.isInteger(merged.caseTargetWorkingDays) || merged.caseTargetWorkingDays < 1) {
    throw err('caseTargetWorkingDays must be a positive integer');
  }
  return Object.freeze({
    ...merged,
    workingDays: Object.freeze([...new Set(merged.workingDays)].sort((x, y) => x - y)),
    holidays: Object.freeze({ country: merged.holidays.country, types: Object.freeze([...merged.holidays.types]) }),
    additions: Object.freeze(merged.additions.map((a) => Object.freeze({ date: a.date, name: a.name }))),
    removals: Object.freeze([...merged.removals]),
  });
}

// ---------------------------------------------------------------------------------------------
// National holidays (shared by all calendars: they do not depend on the office configuration).

/** date-holidays (v3.37) gives 27 Rajab the Indonesian name of 12 Rabi al-awwal; fix known names. */
const NAME_OVERRIDES: Readonly<Record<string, string>> = { '27 Rajab': "Isra Mi'raj Nabi Muhammad" };

let holidaysLib: Holidays | null = null;
/** year -> (type -> (YYYY-MM-DD -> name)) */
const nationalCache = new Map<number, Map<NationalHolidayType, Map<string, string>>>();

function nationalHolidaysOfYear(year: number): Map<NationalHolidayType, Map<string, string>> {
  let byType = nationalCache.get(year);
  if (byType !== undefined) return byType;
  if (holidaysLib === null) {
    holidaysLib = new Holidays('ID', { timezone: 'Asia/Jakarta', types: [...HOLIDAY_TYPES] });
  }
  byType = new Map();
  for (const h of holidaysLib.getHolidays(year, 'id')) {
    const type = h.type;
    if (type !== 'public' && type !== 'bank' && type !== 'optional') continue;
    // Use the civil date of `date` ('YYYY-MM-DD hh:mm:ss [offset]'), not `start`: Islamic holidays
    // "start" at sunset of the previous evening in date-holidays, but the day off is the civil date.
    const key = h.date.slice(0, 10);
    const name = NAME_OVERRIDES[h.rule] ?? h.name;
    let map = byType.get(type);
    if (map === undefined) {
      map = new Map();
      byType.set(type, map);
    }
    const prev = map.get(key);
    map.set(key, prev === undefined ? name : prev.split(' / ').includes(name) ? prev : `${prev} / ${name}`);
  }
  nationalCache.set(year, byType);
  return byType;
}

// ---------------------------------------------------------------------------------------------
// Day arithmetic. A "day index" is the number of Jakarta local days since 1970-01-01.

function instantMs(date: Date, what: string): number {
  const t = date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new Error(`Invalid ${what}: expected a valid Date`);
  return t;
}

function dayIndexOf(utcMs: number): number {
  return Math.floor((utcMs + OFFSET_MS) / DAY_MS);
}

function dayIndexToKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday (1=Mon..7=Sun) of a day index; 1970-01-01 was a Thursday. */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function standardMinutes(standard: TimeStandard, dayMinutes: number): number {
  const value = 'minutes' in standard ? standard.minutes : standard.workingDays * dayMinutes;
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`Invalid time standard ${JSON.stringify(standard)}: expected a finite, non-negative amount`);
  }
  return value;
}

/**
 * Builds a working calendar. Throws if the configuration is invalid.
 *
 * Counting rules (all in Jakarta local time):
 * - Working time is [dayStart, dayEnd) on working days (working weekday, not a holiday).
 * - `{ minutes: m }`: only working minutes count; the due instant is the EARLIEST instant at which
 *   m working minutes have elapsed, so it can be exactly dayEnd (Fri 15:55 + 5 min = Fri 16:00),
 *   and otherwise rolls over (Fri 15:55 + 10 min = Mon 08:05). A start before working hours counts
 *   from that day's dayStart, a start after hours (or on a non-working day) from the next working
 *   day's dayStart.
 * - `{ workingDays: n }` is exactly n × (dayEnd − dayStart) working minutes. Consequently:
 *   from a start strictly inside working hours the due instant is the same clock time on the n-th
 *   next working day (Tue 10:00 + 1 → Wed 10:00; Fri 10:00 + 1 → Mon 10:00); from a start outside
 *   working hours — or exactly at dayStart — it is the end (dayEnd) of the n-th full working day
 *   (Sat + 1 → Mon 16:00; Tue 07:00 + 1 → Tue 16:00; Tue 08:00 + 1 → Tue 16:00).
 */
export function makeCalendar(config?: Partial<CalendarConfig>): WorkingCalendar {
  const cfg = resolveCalendarConfig(config);
  const startMin = parseHHMM(cfg.dayStart);
  const endMin = parseHHMM(cfg.dayEnd);
  const dayMinutes = endMin - startMin;
  const workingWeekdays = new Set(cfg.workingDays);
  const additions = new Map<string, string>();
  for (const a of cfg.additions) additions.set(a.date, a.name);
  const removals = new Set(cfg.removals);
  const workingByDay = new Map<number, boolean>();

  function holidayNameOfDay(day: number): string | null {
    const key = dayIndexToKey(day);
    const added = additions.get(key);
    if (added !== undefined) return added;
    if (removals.has(key) || cfg.holidays.types.length === 0) return null;
    const byType = nationalHolidaysOfYear(Number(key.slice(0, 4)));
    const names: string[] = [];
    for (const t of cfg.holidays.types) {
      const n = byType.get(t)?.get(key);
      if (n !== undefined) names.push(n);
    }
    return names.length === 0 ? null : names.join(' / ');
  }

  function isWorkingDayIndex(day: number): boolean {
    let v = workingByDay.get(day);
    if (v === undefined) {
      v = workingWeekdays.has(isoWeekday(day)) && holidayNameOfDay(day) === null;
      workingByDay.set(day, v);
    }
    return v;
  }

  const windowStart = (day: number): number => day * DAY_MS - OFFSET_MS + startMin * MINUTE_MS;
  const windowEnd = (day: number): number => day * DAY_MS - OFFSET_MS + endMin * MINUTE_MS;

  /** Adds `amountMs` of working time to `startMs`; loops at most once per calendar day. */
  function addMs(startMs: number, amountMs: number): number {
    let remaining = amountMs;
    const firstDay = dayIndexOf(startMs);
    for (let day = firstDay; day < firstDay + MAX_DAYS_SCANNED; day++) {
      if (!isWorkingDayIndex(day)) continue;
      const from = Math.max(startMs, windowStart(day));
      const to = windowEnd(day);
      if (from >= to) continue;
      if (remaining <= to - from) return from + remaining;
      remaining -= to - from;
    }
    throw new Error('Working calendar: no working time found within 200 years; check the configuration');
  }

  function betweenMs(aMs: number, bMs: number): number {
    if (bMs <= aMs) return 0;
    let total = 0;
    const lastDay = dayIndexOf(bMs);
    for (let day = dayIndexOf(aMs); day <= lastDay; day++) {
      if (!isWorkingDayIndex(day)) continue;
      const overlap = Math.min(bMs, windowEnd(day)) - Math.max(aMs, windowStart(day));
      if (overlap > 0) total += overlap;
    }
    return total;
  }

  const toMs = (minutes: number): number => Math.round(minutes * MINUTE_MS);

  const calendar: WorkingCalendar = {
    config: cfg,
    isWorkingDay: (date) => isWorkingDayIndex(dayIndexOf(instantMs(date, 'date'))),
    holidayName: (date) => holidayNameOfDay(dayIndexOf(instantMs(date, 'date'))),
    addWorkingTime: (start, standard) =>
      new Date(addMs(instantMs(start, 'start'), toMs(standardMinutes(standard, dayMinutes)))),
    workingMinutesBetween: (a, b) => betweenMs(instantMs(a, 'a'), instantMs(b, 'b')) / MINUTE_MS,
    caseDueAt: (submittedAt) => calendar.addWorkingTime(submittedAt, { workingDays: cfg.caseTargetWorkingDays }),
    fractionPoint: (start, standard, fraction) => {
      if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
        throw new Error(`Invalid fraction ${String(fraction)}: expected a number between 0 and 1`);
      }
      const startMs = instantMs(start, 'start');
      const totalMs = toMs(standardMinutes(standard, dayMinutes));
      // For workingDays standards this equals the working time of the whole due interval
      // (workingMinutesBetween(start, due)), since n working days are n × day length by definition.
      return new Date(addMs(startMs, Math.round(totalMs * fraction)));
    },
  };
  return calendar;
}
