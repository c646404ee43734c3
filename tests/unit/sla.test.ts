import fc from 'fast-check';
import {
  DEFAULT_CALENDAR_CONFIG,
  makeCalendar,
  parseHHMM,
  toJakartaDateKey,
  type CalendarConfig,
  type TimeStandard,
} from '../../functions/src/sla';

/** An instant written with an explicit Jakarta offset, e.g. '2026-03-06T15:55:00+07:00'. */
const at = (iso: string): Date => {
  if (!iso.endsWith('+07:00')) throw new Error(`test literal must carry +07:00: ${iso}`);
  return new Date(iso);
};

/** Renders an instant as Jakarta wall-clock time with offset, independent of the machine TZ. */
const jkt = (d: Date): string => `${new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;

const cal = makeCalendar();

describe('defaults and helpers', () => {
  test('DEFAULT_CALENDAR_CONFIG', () => {
    expect(DEFAULT_CALENDAR_CONFIG).toEqual({
      workingDays: [1, 2, 3, 4, 5],
      dayStart: '08:00',
      dayEnd: '16:00',
      holidays: { country: 'ID', types: ['public'] },
      additions: [],
      removals: [],
      caseTargetWorkingDays: 5,
    });
    expect(Object.isFrozen(DEFAULT_CALENDAR_CONFIG)).toBe(true);
  });

  test('parseHHMM', () => {
    expect(parseHHMM('08:00')).toBe(480);
    expect(parseHHMM('15:30')).toBe(930);
    expect(parseHHMM('00:00')).toBe(0);
    expect(parseHHMM('24:00')).toBe(1440);
    for (const bad of ['8:00', '24:01', '12:60', '1200', '', 'ab:cd']) {
      expect(() => parseHHMM(bad)).toThrow(/Invalid time/);
    }
  });

  test('toJakartaDateKey uses UTC+7', () => {
    expect(toJakartaDateKey(new Date('2026-08-16T16:59:59Z'))).toBe('2026-08-16');
    expect(toJakartaDateKey(new Date('2026-08-16T17:00:00Z'))).toBe('2026-08-17');
  });
});

describe('addWorkingTime with minutes', () => {
  test('Friday 15:55 + 10 min is due Monday 08:05', () => {
    expect(jkt(cal.addWorkingTime(at('2026-03-06T15:55:00+07:00'), { minutes: 10 }))).toBe('2026-03-09T08:05:00+07:00');
  });

  test('reaching dayEnd exactly stays on the same day', () => {
    expect(jkt(cal.addWorkingTime(at('2026-03-06T15:55:00+07:00'), { minutes: 5 }))).toBe('2026-03-06T16:00:00+07:00');
  });

  test('start before working hours counts from dayStart', () => {
    expect(jkt(cal.addWorkingTime(at('2026-03-10T06:30:00+07:00'), { minutes: 30 }))).toBe('2026-03-10T08:30:00+07:00');
  });

  test('start after working hours counts from next working day dayStart', () => {
    expect(jkt(cal.addWorkingTime(at('2026-03-10T17:00:00+07:00'), { minutes: 30 }))).toBe('2026-03-11T08:30:00+07:00');
    expect(jkt(cal.addWorkingTime(at('2026-03-10T16:00:00+07:00'), { minutes: 30 }))).toBe('2026-03-11T08:30:00+07:00');
  });

  test('a whole weekend is skipped', () => {
    expect(jkt(cal.addWorkingTime(at('2026-03-07T12:00:00+07:00'), { minutes: 60 }))).toBe('2026-03-09T09:00:00+07:00');
    expect(jkt(cal.addWorkingTime(at('2026-03-06T15:00:00+07:00'), { minutes: 120 }))).toBe('2026-03-09T09:00:00+07:00');
  });

  test('seconds and milliseconds of the start are preserved', () => {
    expect(cal.addWorkingTime(at('2026-03-10T10:00:30.250+07:00'), { minutes: 15 }).toISOString()).toBe(
      at('2026-03-10T10:15:30.250+07:00').toISOString(),
    );
  });

  test('large standards are computed day by day', () => {
    // 100 working days of 480 min starting Mon 2 Mar 2026 08:00 is the end of the 100th working day.
    const due = cal.addWorkingTime(at('2026-03-02T08:00:00+07:00'), { minutes: 100 * 480 });
    expect(cal.workingMinutesBetween(at('2026-03-02T08:00:00+07:00'), due)).toBe(48_000);
    expect(jkt(due).slice(11)).toBe('16:00:00+07:00');
  });

  test('rejects invalid standards and dates', () => {
    expect(() => cal.addWorkingTime(at('2026-03-10T10:00:00+07:00'), { minutes: -1 })).toThrow(/time standard/);
    expect(() => cal.addWorkingTime(at('2026-03-10T10:00:00+07:00'), { minutes: Number.NaN })).toThrow(/time standard/);
    expect(() => cal.addWorkingTime(new Date('nope'), { minutes: 1 })).toThrow(/valid Date/);
  });
});

describe('addWorkingTime with workingDays', () => {
  test('inside working hours: same clock time on the next working day', () => {
    expect(jkt(cal.addWorkingTime(at('2026-03-10T10:00:00+07:00'), { workingDays: 1 }))).toBe('2026-03-11T10:00:00+07:00');
    expect(jkt(cal.addWorkingTime(at('2026-03-06T10:00:00+07:00'), { workingDays: 1 }))).toBe('2026-03-09T10:00:00+07:00');
  });

  test('outside working hours: end of the next full working day', () => {
    expect(jkt(cal.addWorkingTime(at('2026-03-07T11:00:00+07:00'), { workingDays: 1 }))).toBe('2026-03-09T16:00:00+07:00');
    expect(jkt(cal.addWorkingTime(at('2026-03-10T07:00:00+07:00'), { workingDays: 1 }))).toBe('2026-03-10T16:00:00+07:00');
    expect(jkt(cal.addWorkingTime(at('2026-03-10T18:00:00+07:00'), { workingDays: 1 }))).toBe('2026-03-11T16:00:00+07:00');
  });

  test('exactly at dayStart the day counts as a full day', () => {
    expect(jkt(cal.addWorkingTime(at('2026-03-10T08:00:00+07:00'), { workingDays: 1 }))).toBe('2026-03-10T16:00:00+07:00');
  });
});

describe('national holidays from date-holidays (ID, public)', () => {
  test('holiday names and working-day status (Jakarta local date)', () => {
    expect(cal.holidayName(at('2026-08-17T10:00:00+07:00'))).toBe('Hari Ulang Tahun Kemerdekaan Republik Indonesia');
    expect(cal.isWorkingDay(at('2026-08-17T10:00:00+07:00'))).toBe(false);
    // 00:30 on 17 Aug in Jakarta is still 16 Aug in UTC.
    expect(cal.isWorkingDay(new Date('2026-08-16T17:30:00Z'))).toBe(false);
    expect(cal.holidayName(new Date('2026-08-16T16:59:59Z'))).toBeNull(); // Sunday 16 Aug, not a holiday
    expect(cal.holidayName(at('2026-12-25T09:00:00+07:00'))).toBe('Hari Raya Natal');
    expect(cal.holidayName(at('2026-01-01T09:00:00+07:00'))).toBe('Hari tahun baru');
    expect(cal.holidayName(at('2027-01-01T09:00:00+07:00'))).toBe('Hari tahun baru');
    expect(cal.holidayName(at('2027-03-09T09:00:00+07:00'))).toBe('Hari Raya Idul Fitri');
    // date-holidays names 27 Rajab "Maulid Nabi Muhammad" in Indonesian; the calendar corrects it.
    expect(cal.holidayName(at('2027-01-05T09:00:00+07:00'))).toBe("Isra Mi'raj Nabi Muhammad");
    expect(cal.isWorkingDay(at('2026-08-18T09:00:00+07:00'))).toBe(true);
    expect(cal.holidayName(at('2026-08-18T09:00:00+07:00'))).toBeNull();
    expect(cal.isWorkingDay(at('2026-03-07T09:00:00+07:00'))).toBe(false); // Saturday
    expect(cal.holidayName(at('2026-03-07T09:00:00+07:00'))).toBeNull();
  });

  test('two holidays on the same date are both named', () => {
    expect(cal.holidayName(at('2027-12-25T09:00:00+07:00'))).toBe("Isra Mi'raj Nabi Muhammad / Hari Raya Natal");
  });

  test('Independence Day (Mon 17 Aug 2026) is skipped', () => {
    expect(jkt(cal.addWorkingTime(at('2026-08-14T15:00:00+07:00'), { minutes: 120 }))).toBe('2026-08-18T09:00:00+07:00');
  });

  test('crossing the year end: 1 Jan 2027 and Isra Mi’raj (Tue 5 Jan 2027) are skipped', () => {
    expect(jkt(cal.addWorkingTime(at('2026-12-31T15:00:00+07:00'), { workingDays: 2 }))).toBe('2027-01-06T15:00:00+07:00');
  });

  test('removals make a date-holidays holiday a working day', () => {
    const c = makeCalendar({ removals: ['2027-01-05'] });
    expect(c.isWorkingDay(at('2027-01-05T09:00:00+07:00'))).toBe(true);
    expect(c.holidayName(at('2027-01-05T09:00:00+07:00'))).toBeNull();
    expect(jkt(c.addWorkingTime(at('2026-12-31T15:00:00+07:00'), { workingDays: 2 }))).toBe('2027-01-05T15:00:00+07:00');
    // A removal does not turn a weekend into a working day (Waisak 2026 falls on Sunday 31 May).
    const w = makeCalendar({ removals: ['2026-05-31'] });
    expect(w.holidayName(at('2026-05-31T09:00:00+07:00'))).toBeNull();
    expect(w.isWorkingDay(at('2026-05-31T09:00:00+07:00'))).toBe(false);
  });

  test('national holidays can be disabled with holidays.types = []', () => {
    const c = makeCalendar({ holidays: { country: 'ID', types: [] } });
    expect(c.isWorkingDay(at('2026-08-17T10:00:00+07:00'))).toBe(true);
  });

  test('holidays work for far years (lazy per-year computation)', () => {
    expect(cal.holidayName(at('2040-08-17T10:00:00+07:00'))).toBe('Hari Ulang Tahun Kemerdekaan Republik Indonesia');
    expect(cal.holidayName(at('1999-12-25T10:00:00+07:00'))).toBe('Hari Raya Natal');
  });
});

describe('Lebaran 2027 with cuti bersama additions', () => {
  // date-holidays: Nyepi Mon 8 Mar, Idul Fitri Tue 9 + Wed 10 Mar 2027. Admins add cuti bersama Thu 11 + Fri 12.
  const additions = [
    { date: '2027-03-11', name: 'Cuti Bersama Idul Fitri 1448 H' },
    { date: '2027-03-12', name: 'Cuti Bersama Idul Fitri 1448 H' },
  ];
  const lebaran = makeCalendar({ additions });

  test('without additions only the date-holidays days are skipped', () => {
    expect(jkt(cal.addWorkingTime(at('2027-03-05T10:00:00+07:00'), { workingDays: 1 }))).toBe('2027-03-11T10:00:00+07:00');
  });

  test('with additions the gap spans Mon 8 – Sun 14 March', () => {
    expect(lebaran.holidayName(at('2027-03-11T10:00:00+07:00'))).toBe('Cuti Bersama Idul Fitri 1448 H');
    expect(lebaran.holidayName(at('2027-03-08T10:00:00+07:00'))).toBe('Hari Raya Nyepi');
    expect(jkt(lebaran.addWorkingTime(at('2027-03-05T10:00:00+07:00'), { workingDays: 1 }))).toBe('2027-03-15T10:00:00+07:00');
    expect(jkt(lebaran.caseDueAt(at('2027-03-05T10:00:00+07:00')))).toBe('2027-03-19T10:00:00+07:00');
    expect(lebaran.workingMinutesBetween(at('2027-03-05T16:00:00+07:00'), at('2027-03-15T08:00:00+07:00'))).toBe(0);
  });
});

describe('custom working hours and days (Mon–Sat 07:30–15:30)', () => {
  const c = makeCalendar({ workingDays: [1, 2, 3, 4, 5, 6], dayStart: '07:30', dayEnd: '15:30' });

  test('Saturday is a working day, Sunday is not', () => {
    expect(c.isWorkingDay(at('2026-03-07T10:00:00+07:00'))).toBe(true);
    expect(c.isWorkingDay(at('2026-03-08T10:00:00+07:00'))).toBe(false);
  });

  test('counting with custom hours', () => {
    expect(jkt(c.addWorkingTime(at('2026-03-06T15:00:00+07:00'), { workingDays: 1 }))).toBe('2026-03-07T15:00:00+07:00');
    expect(jkt(c.addWorkingTime(at('2026-03-07T15:00:00+07:00'), { minutes: 60 }))).toBe('2026-03-09T08:00:00+07:00');
    expect(jkt(c.addWorkingTime(at('2026-03-08T10:00:00+07:00'), { workingDays: 1 }))).toBe('2026-03-09T15:30:00+07:00');
    expect(jkt(c.addWorkingTime(at('2026-03-09T07:00:00+07:00'), { minutes: 1 }))).toBe('2026-03-09T07:31:00+07:00');
  });
});

describe('workingMinutesBetween', () => {
  test('across a weekend', () => {
    expect(cal.workingMinutesBetween(at('2026-03-06T15:00:00+07:00'), at('2026-03-09T09:00:00+07:00'))).toBe(120);
  });

  test('a whole week and partial days', () => {
    expect(cal.workingMinutesBetween(at('2026-03-09T00:00:00+07:00'), at('2026-03-16T00:00:00+07:00'))).toBe(5 * 480);
    expect(cal.workingMinutesBetween(at('2026-03-10T09:00:00+07:00'), at('2026-03-10T09:30:30+07:00'))).toBe(30.5);
    expect(cal.workingMinutesBetween(at('2026-03-10T17:00:00+07:00'), at('2026-03-10T23:00:00+07:00'))).toBe(0);
  });

  test('0 when b <= a', () => {
    expect(cal.workingMinutesBetween(at('2026-03-10T10:00:00+07:00'), at('2026-03-10T09:00:00+07:00'))).toBe(0);
    expect(cal.workingMinutesBetween(at('2026-03-10T10:00:00+07:00'), at('2026-03-10T10:00:00+07:00'))).toBe(0);
  });
});

describe('fractionPoint', () => {
  test('0.75 of 60 minutes', () => {
    expect(jkt(cal.fractionPoint(at('2026-03-09T10:00:00+07:00'), { minutes: 60 }, 0.75))).toBe('2026-03-09T10:45:00+07:00');
    expect(jkt(cal.fractionPoint(at('2026-03-06T15:30:00+07:00'), { minutes: 60 }, 0.75))).toBe('2026-03-09T08:15:00+07:00');
  });

  test('0.75 of a workingDays standard uses the working minutes of the whole due interval', () => {
    const start = at('2026-03-10T10:00:00+07:00');
    const standard: TimeStandard = { workingDays: 5 };
    const point = cal.fractionPoint(start, standard, 0.75);
    const total = cal.workingMinutesBetween(start, cal.addWorkingTime(start, standard));
    expect(total).toBe(2400);
    expect(cal.workingMinutesBetween(start, point)).toBe(1800);
    expect(jkt(point)).toBe('2026-03-13T16:00:00+07:00'); // Tue 6 h + Wed, Thu, Fri 8 h each
  });

  test('fraction 1 equals the due instant; invalid fractions throw', () => {
    const start = at('2026-03-06T15:55:00+07:00');
    expect(cal.fractionPoint(start, { minutes: 10 }, 1).toISOString()).toBe(cal.addWorkingTime(start, { minutes: 10 }).toISOString());
    expect(() => cal.fractionPoint(start, { minutes: 10 }, 1.5)).toThrow(/fraction/);
    expect(() => cal.fractionPoint(start, { minutes: 10 }, -0.1)).toThrow(/fraction/);
  });
});

describe('caseDueAt', () => {
  test('default 5 working days', () => {
    expect(jkt(cal.caseDueAt(at('2026-03-02T10:00:00+07:00')))).toBe('2026-03-09T10:00:00+07:00');
    // Mon 17 Aug 2026 (Independence Day) is skipped.
    expect(jkt(cal.caseDueAt(at('2026-08-10T10:00:00+07:00')))).toBe('2026-08-18T10:00:00+07:00');
    // Submitted on Saturday: end of the 5th full working day.
    expect(jkt(cal.caseDueAt(at('2026-03-07T10:00:00+07:00')))).toBe('2026-03-13T16:00:00+07:00');
  });

  test('custom caseTargetWorkingDays', () => {
    const c = makeCalendar({ caseTargetWorkingDays: 14 });
    // Skips two weekends plus Nyepi (Thu 19 Mar) and Idul Fitri (Fri 20 Mar 2026).
    expect(jkt(c.caseDueAt(at('2026-03-02T10:00:00+07:00')))).toBe('2026-03-24T10:00:00+07:00');
  });
});

describe('config validation', () => {
  const bad: Array<[string, Partial<CalendarConfig>, RegExp]> = [
    ['dayStart after dayEnd', { dayStart: '16:00', dayEnd: '08:00' }, /dayStart .* before dayEnd/],
    ['dayStart equals dayEnd', { dayStart: '08:00', dayEnd: '08:00' }, /dayStart .* before dayEnd/],
    ['malformed time', { dayStart: '8:00' }, /Invalid time/],
    ['empty workingDays', { workingDays: [] }, /workingDays/],
    ['weekday out of range', { workingDays: [0, 1] }, /workingDays/],
    ['fractional weekday', { workingDays: [1.5] }, /workingDays/],
    ['invalid addition date', { additions: [{ date: '2027-02-30', name: 'x' }] }, /additions/],
    ['malformed addition date', { additions: [{ date: '11-03-2027', name: 'x' }] }, /additions/],
    ['addition without name', { additions: [{ date: '2027-03-11', name: ' ' }] }, /name/],
    ['invalid removal date', { removals: ['2027-13-01'] }, /removals/],
    ['date both added and removed', { additions: [{ date: '2027-03-11', name: 'x' }], removals: ['2027-03-11'] }, /both/],
    ['caseTargetWorkingDays 0', { caseTargetWorkingDays: 0 }, /caseTargetWorkingDays/],
  ];
  test.each(bad)('%s throws', (_label, config, message) => {
    expect(() => makeCalendar(config)).toThrow(message);
    expect(() => makeCalendar(config)).toThrow(/Invalid calendar config/);
  });

  test('effective config is exposed', () => {
    const c = makeCalendar({ workingDays: [6, 1, 1] });
    expect(c.config.workingDays).toEqual([1, 6]);
    expect(c.config.dayStart).toBe('08:00');
  });
});

describe('properties', () => {
  const localMinuteOfDay = (d: Date): number => {
    const local = new Date(d.getTime() + 7 * 3_600_000);
    return local.getUTCHours() * 60 + local.getUTCMinutes() + (local.getUTCSeconds() * 1000 + local.getUTCMilliseconds()) / 60_000;
  };
  const configs: Array<[string, Partial<CalendarConfig>]> = [
    ['default', {}],
    [
      'Mon–Sat 07:30–15:30 with Lebaran additions',
      {
        workingDays: [1, 2, 3, 4, 5, 6],
        dayStart: '07:30',
        dayEnd: '15:30',
        additions: [
          { date: '2027-03-11', name: 'Cuti Bersama' },
          { date: '2027-03-12', name: 'Cuti Bersama' },
        ],
      },
    ],
  ];

  test.each(configs)('addWorkingTime / workingMinutesBetween round trip (%s)', (_label, config) => {
    const c = makeCalendar(config);
    const dayStart = parseHHMM(c.config.dayStart);
    const dayEnd = parseHHMM(c.config.dayEnd);
    const from = Date.parse('2025-06-01T00:00:00Z');
    const to = Date.parse('2028-06-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 20_000 }), (startMs, m) => {
        const start = new Date(startMs);
        const due = c.addWorkingTime(start, { minutes: m });
        expect(due.getTime()).toBeGreaterThan(startMs);
        expect(c.workingMinutesBetween(start, due)).toBe(m);
        expect(c.isWorkingDay(due)).toBe(true);
        const mod = localMinuteOfDay(due);
        expect(mod).toBeGreaterThan(dayStart);
        expect(mod).toBeLessThanOrEqual(dayEnd);
      }),
      { numRuns: 300 },
    );
  });

  test('n working days equals n × day length in minutes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2025-06-01T00:00:00Z'), max: Date.parse('2028-06-01T00:00:00Z') }),
        fc.integer({ min: 1, max: 30 }),
        (startMs, n) => {
          const start = new Date(startMs);
          expect(cal.addWorkingTime(start, { workingDays: n }).getTime()).toBe(cal.addWorkingTime(start, { minutes: n * 480 }).getTime());
        },
      ),
      { numRuns: 200 },
    );
  });
});
