/**
 * Formatting for documents and e-mails: Indonesian (and English) dates in Asia/Jakarta, and
 * user text made safe for HTML. Pure: no Firebase imports, no dependence on the machine's
 * time zone — Jakarta is UTC+7 all year (no daylight saving), so a constant offset is exact.
 */
import Handlebars from 'handlebars';
import type { Lang } from '../schemas/i18n';

/** Same constant as `sla/calendar` (kept here so documents do not load the holiday data). */
const JAKARTA_OFFSET_MS = 7 * 60 * 60_000;

export const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;
export const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const DAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const DATE_ONLY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface WallClock {
  year: number;
  /** 0-11 */
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
  hour: number;
  minute: number;
  /** False for a calendar date (`YYYY-MM-DD`), which has no time of day. */
  hasTime: boolean;
}

/**
 * Jakarta wall-clock time of an ISO instant (`2026-12-07T02:00:00Z`, `…+07:00`), or a calendar
 * date (`2026-12-07`) taken as it is — a date of an event is not shifted across time zones.
 */
function wallClock(value: string): WallClock {
  const dateOnly = DATE_ONLY_RE.exec(value);
  if (dateOnly) {
    const d = new Date(Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])));
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
      throw new RangeError(`Invalid date: ${JSON.stringify(value)}`);
    }
    return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), weekday: d.getUTCDay(), hour: 0, minute: 0, hasTime: false };
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid date: ${JSON.stringify(value)}`);
  const d = new Date(ms + JAKARTA_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    hasTime: true,
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `7 Desember 2026` (Asia/Jakarta). */
export function formatTanggal(value: string): string {
  const w = wallClock(value);
  return `${w.day} ${BULAN[w.month]} ${w.year}`;
}

/** `Senin, 7 Desember 2026` (Asia/Jakarta). */
export function formatHariTanggal(value: string): string {
  const w = wallClock(value);
  return `${HARI[w.weekday]}, ${w.day} ${BULAN[w.month]} ${w.year}`;
}

/** `7 Desember 2026 pukul 09.00 WIB` (Asia/Jakarta); a calendar date gives the date alone. */
export function formatTanggalWaktu(value: string): string {
  const w = wallClock(value);
  const date = `${w.day} ${BULAN[w.month]} ${w.year}`;
  return w.hasTime ? `${date} pukul ${pad2(w.hour)}.${pad2(w.minute)} WIB` : date;
}

/** `7 December 2026`. */
export function formatDateEn(value: string): string {
  const w = wallClock(value);
  return `${w.day} ${MONTHS_EN[w.month]} ${w.year}`;
}

/** `Monday, 7 December 2026`. */
export function formatWeekdayDateEn(value: string): string {
  const w = wallClock(value);
  return `${DAYS_EN[w.weekday]}, ${w.day} ${MONTHS_EN[w.month]} ${w.year}`;
}

/** `7 December 2026, 09:00 WIB (UTC+7)`; a calendar date gives the date alone. */
export function formatDateTimeEn(value: string): string {
  const w = wallClock(value);
  const date = `${w.day} ${MONTHS_EN[w.month]} ${w.year}`;
  return w.hasTime ? `${date}, ${pad2(w.hour)}:${pad2(w.minute)} WIB (UTC+7)` : date;
}

export function formatDate(value: string, lang: Lang): string {
  return lang === 'en' ? formatDateEn(value) : formatTanggal(value);
}

export function formatDateTime(value: string, lang: Lang): string {
  return lang === 'en' ? formatDateTimeEn(value) : formatTanggalWaktu(value);
}

const SATUAN = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'] as const;

/** Indonesian number words ("terbilang") for 0 ≤ n < 1,000,000: `12` → `dua belas`. */
export function terbilang(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) throw new RangeError(`terbilang: unsupported ${n}`);
  if (n === 0) return 'nol';
  const words = (x: number): string => {
    if (x < 12) return SATUAN[x] ?? '';
    if (x < 20) return `${words(x - 10)} belas`;
    if (x < 100) return `${words(Math.floor(x / 10))} puluh ${words(x % 10)}`.trim();
    if (x < 200) return `seratus ${words(x - 100)}`.trim();
    if (x < 1000) return `${words(Math.floor(x / 100))} ratus ${words(x % 100)}`.trim();
    if (x < 2000) return `seribu ${words(x - 1000)}`.trim();
    return `${words(Math.floor(x / 1000))} ribu ${words(x % 1000)}`.trim();
  };
  return words(n);
}

/** HTML-escapes `& < > " ' \` =` (Handlebars' own escaping). */
export function escapeHtml(text: string): string {
  return Handlebars.Utils.escapeExpression(text);
}

/** Splits user text into paragraphs (blank lines) of lines (single newlines); trims, drops empties. */
export function toParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    )
    .filter((lines) => lines.length > 0);
}

/**
 * Multi-paragraph user text as HTML: every character escaped first, then each paragraph in a
 * `<p>` and each single newline as `<br>`. The only place user text becomes markup.
 */
export function multilineHtml(text: string): string {
  return toParagraphs(text)
    .map((lines) => `<p>${lines.map(escapeHtml).join('<br>')}</p>`)
    .join('');
}

/** For one-line places (mail subjects): newlines and runs of spaces become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Links in documents and e-mails come from configuration; refuse anything but http(s). */
export function checkUrl(url: string): string {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) throw new RangeError(`Not an http(s) URL: ${JSON.stringify(url)}`);
  return url;
}
