/** The working calendar the admin maintains (`PUT /api/config/calendar`). */
import { z } from 'zod';

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
const hhmmEnd = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export const calendarSettingsSchema = z
  .object({
    workingDays: z.array(z.number().int().min(1).max(7)).min(1).max(7).default([1, 2, 3, 4, 5]),
    dayStart: z.string().regex(hhmm, '@hhmm').default('08:00'),
    dayEnd: z
      .string()
      .regex(hhmmEnd, '@hhmm')
      .default('16:00'),
    /** Cuti bersama and other days off that date-holidays does not list. */
    additions: z
      .array(z.object({ date: z.iso.date(), name: z.string().trim().min(1).max(120) }).strict())
      .max(200)
      .default([]),
    /** National holidays on which the office works after all. */
    removals: z.array(z.iso.date()).max(100).default([]),
    caseTargetWorkingDays: z.number().int().min(1).max(60).default(5),
  })
  .strict()
  .superRefine((v, ctx) => {
    const valid = hhmm.test(v.dayStart) && hhmmEnd.test(v.dayEnd);
    if (valid && v.dayStart >= v.dayEnd) ctx.addIssue({ code: 'custom', path: ['dayEnd'], message: '@dayOrder' });
    const added = new Set(v.additions.map((a) => a.date));
    v.removals.forEach((d, i) => {
      if (added.has(d)) ctx.addIssue({ code: 'custom', path: ['removals', i], message: '@addRemoveOverlap' });
    });
  });
export type CalendarSettings = z.output<typeof calendarSettingsSchema>;
