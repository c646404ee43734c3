/**
 * Runtime configuration, read once (firebase/extensions style). Environment variables are
 * set by `.env` files in deployment and by tools/ in the emulators.
 */
export const REGION = 'asia-southeast2';
export const DEADLINE_QUEUE = 'deadlineCheck';

function num(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return n;
}

export const config = {
  /**
   * Demo/test compression of the SOP's time standards: with 60, one minute of a standard
   * lasts one second of real time and the working-time calendar is bypassed (a working
   * day counts as 480 minutes). 1 (the default) means real time on the calendar.
   */
  timeScale: num('KESBANG_TIME_SCALE', 1),
  /** Base URL of the portal, for links in e-mails. */
  publicUrl: (process.env.KESBANG_PUBLIC_URL ?? 'http://127.0.0.1:5000').replace(/\/$/, ''),
  /** Reminder to the assignee when this fraction of a step's time standard has elapsed. */
  reminderFraction: 0.75,
  /** Page size limits of the case list. */
  maxPageSize: 100,
};
