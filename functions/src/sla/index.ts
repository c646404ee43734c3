/** Working-time calendar (pure; no Firebase imports). See ./calendar.ts for the counting rules. */
export {
  DEFAULT_CALENDAR_CONFIG,
  JAKARTA_UTC_OFFSET_MINUTES,
  makeCalendar,
  parseHHMM,
  resolveCalendarConfig,
  toJakartaDateKey,
} from './calendar';
export type {
  CalendarConfig,
  HolidayAddition,
  NationalHolidayType,
  NationalHolidaysConfig,
  TimeStandard,
  WorkingCalendar,
} from './calendar';
