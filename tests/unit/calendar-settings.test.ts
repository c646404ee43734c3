/** The admin's calendar settings schema and the clock the engine schedules with. */
import { calendarSettingsSchema, parseWith } from '../../functions/src/schemas';
import { clockFrom } from '../../functions/src/store/calendar';
import { makeCalendar } from '../../functions/src/sla';

describe('calendar settings', () => {
  it('fills the defaults', () => {
    expect(parseWith(calendarSettingsSchema, {}, 'id')).toEqual({
      ok: true,
      value: { workingDays: [1, 2, 3, 4, 5], dayStart: '08:00', dayEnd: '16:00', additions: [], removals: [], caseTargetWorkingDays: 5 },
    });
  });

  it('refuses a date both added and removed, and bad times', () => {
    const r = parseWith(calendarSettingsSchema, { additions: [{ date: '2027-03-11', name: 'Cuti bersama' }], removals: ['2027-03-11'] }, 'en');
    expect(r).toEqual({ ok: false, errors: [{ path: 'removals[0]', message: 'This date is also listed as an added day off.' }] });
    const t = parseWith(calendarSettingsSchema, { dayStart: '8:00' }, 'id');
    expect(t).toEqual({ ok: false, errors: [{ path: 'dayStart', message: 'Jam harus berformat JJ:MM, misalnya 08:00.' }] });
  });
});

describe('clockFrom()', () => {
  const calendar = makeCalendar();
  const fri = new Date('2026-12-04T08:55:00Z'); // Friday 15:55 WIB

  it('uses the working calendar at scale 1', () => {
    const clock = clockFrom(calendar, 1);
    expect(clock.dueAt(2, fri).toISOString()).toBe('2026-12-07T01:05:00.000Z'); // Monday 08:05 WIB
    expect(clock.minutesLate(new Date('2026-12-07T01:05:00Z'), new Date('2026-12-07T02:05:00Z'))).toBe(60);
  });

  it('compresses time and ignores the calendar at scale 60', () => {
    const clock = clockFrom(calendar, 60);
    expect(clock.dueAt(2, fri).getTime() - fri.getTime()).toBe(10_000);
    expect(clock.dueAt(6, fri).getTime() - fri.getTime()).toBe(480_000); // one working day = 480 min
    expect(clock.reminderAt(4, fri).getTime() - fri.getTime()).toBe(45_000); // 75 % of 60 min
    expect(clock.minutesLate(fri, new Date(fri.getTime() + 30_000))).toBe(30);
  });
});
