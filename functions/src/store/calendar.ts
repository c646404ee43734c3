/** The working-time calendar as configured by the admin (`config/calendar`), cached briefly. */
import { makeCalendar, toJakartaDateKey, type CalendarConfig, type WorkingCalendar } from '../sla';
import type { CalendarSettings } from '../schemas/calendar';
import { stepDef, type StepNo } from '../workflow';
import { config } from '../config';
import { db } from './db';

let cached: { at: number; calendar: WorkingCalendar } | null = null;
const TTL_MS = 5 * 60_000;

export async function loadCalendar(): Promise<WorkingCalendar> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.calendar;
  const snap = await db().doc('config/calendar').get();
  const data = (snap.exists ? snap.data() : {}) as Partial<CalendarConfig> & { updatedBy?: string; updatedAt?: string };
  const { updatedBy: _by, updatedAt: _at, ...settings } = data;
  const calendar = makeCalendar(settings);
  cached = { at: Date.now(), calendar };
  return calendar;
}

export function clearCalendarCache(): void {
  cached = null;
}

/** Replace the calendar settings (admin). Existing due times are not recomputed. */
export async function saveCalendar(settings: CalendarSettings, by: string, now: Date): Promise<WorkingCalendar> {
  const calendar = makeCalendar(settings); // throws on what zod cannot see
  await db().doc('config/calendar').set({ ...settings, updatedBy: by, updatedAt: now.toISOString() });
  cached = { at: Date.now(), calendar };
  return calendar;
}

/** Non-working dates other than weekends in the `days` after `from` (Jakarta dates). */
export function upcomingHolidays(calendar: WorkingCalendar, from: Date, days: number): Array<{ date: string; name: string }> {
  const out: Array<{ date: string; name: string }> = [];
  for (let i = 0; i < days; i++) {
    const d = new Date(from.getTime() + i * 86_400_000);
    const name = calendar.holidayName(d);
    if (name) out.push({ date: toJakartaDateKey(d), name });
  }
  return out;
}

const MINUTES_PER_DAY_COMPRESSED = 480;

/** Scheduler of due instants: the calendar, or compressed real time in demos and tests. */
export interface Clock {
  dueAt(step: StepNo, enteredAt: Date): Date;
  reminderAt(step: StepNo, enteredAt: Date): Date;
  caseDueAt(submittedAt: Date): Date;
  minutesLate(dueAt: Date, now: Date): number;
}

export function clockFrom(calendar: WorkingCalendar, timeScale = config.timeScale): Clock {
  if (timeScale === 1) {
    return {
      dueAt: (step, at) => calendar.addWorkingTime(at, stepDef(step).standard),
      reminderAt: (step, at) => calendar.fractionPoint(at, stepDef(step).standard, config.reminderFraction),
      caseDueAt: (at) => calendar.caseDueAt(at),
      minutesLate: (due, now) => Math.floor(calendar.workingMinutesBetween(due, now)),
    };
  }
  const realMs = (minutes: number) => (minutes * 60_000) / timeScale;
  const stepMinutes = (step: StepNo) => {
    const s = stepDef(step).standard;
    return 'minutes' in s ? s.minutes : s.workingDays * MINUTES_PER_DAY_COMPRESSED;
  };
  return {
    dueAt: (step, at) => new Date(at.getTime() + realMs(stepMinutes(step))),
    reminderAt: (step, at) => new Date(at.getTime() + realMs(stepMinutes(step) * config.reminderFraction)),
    caseDueAt: (at) => new Date(at.getTime() + realMs(calendar.config.caseTargetWorkingDays * MINUTES_PER_DAY_COMPRESSED)),
    minutesLate: (due, now) => Math.max(0, Math.floor(((now.getTime() - due.getTime()) * timeScale) / 60_000)),
  };
}

export async function loadClock(): Promise<Clock> {
  return clockFrom(await loadCalendar());
}
