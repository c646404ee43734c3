/** The public submission (SOP step 1) and the UPP's record of a walk-in, phone or letter complaint. */
import { z } from 'zod';
import { CATEGORIES } from '../workflow/categories';
import { CONFIDENTIALITY_LEVELS } from '../workflow/roles';

/** Tracking codes: `KB-` + 8 characters of an alphabet without 0/O, 1/I/L (easy to read out on the phone). */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_CODE_RE = /^KB-[2-9A-HJKMNP-Z]{4}-?[2-9A-HJKMNP-Z]{4}$/;

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const reporterSchema = z
  .object({
    name: text(3, 120),
    nik: z.string().trim().regex(/^\d{16}$/, '@nik').optional(),
    email: z.email().max(254).optional(),
    phone: z.string().trim().regex(/^\+?[0-9][0-9 ()-]{6,18}[0-9]$/, '@phone').optional(),
    address: text(1, 500).optional(),
  })
  .strict();
export type Reporter = z.output<typeof reporterSchema>;

const submissionShape = {
  subject: text(5, 150),
  description: text(30, 10000),
  category: z.enum(CATEGORIES).optional(),
  location: text(1, 200).optional(),
  incidentDate: z.iso.date().optional(),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS).default('biasa'),
  reporter: reporterSchema.optional(),
  /** Language the reporter uses; e-mails to them follow it. */
  lang: z.enum(['id', 'en']).default('id'),
};

type SubmissionLike = {
  confidentiality: (typeof CONFIDENTIALITY_LEVELS)[number];
  reporter?: Reporter;
  incidentDate?: string;
};

function checkIdentity(value: SubmissionLike, ctx: z.core.$RefinementCtx<SubmissionLike>): void {
  if (value.confidentiality === 'anonim') {
    if (value.reporter) ctx.addIssue({ code: 'custom', path: ['reporter'], message: '@anonNoIdentity' });
    return;
  }
  if (!value.reporter) {
    ctx.addIssue({ code: 'custom', path: ['reporter'], message: '@reporterRequired' });
    return;
  }
  if (!value.reporter.email && !value.reporter.phone) {
    ctx.addIssue({ code: 'custom', path: ['reporter', 'email'], message: '@contactRequired' });
  }
}

function checkNotFuture(value: SubmissionLike, ctx: z.core.$RefinementCtx<SubmissionLike>): void {
  // Dates are Jakarta calendar dates; allow up to UTC+14 so no real "today" is refused.
  const latest = new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
  if (value.incidentDate && value.incidentDate > latest) {
    ctx.addIssue({ code: 'custom', path: ['incidentDate'], message: '@notFuture' });
  }
}

/** `POST /api/complaints` — online, by the public. */
export const publicSubmissionSchema = z
  .object({
    ...submissionShape,
    consent: z.literal(true, '@consent'),
  })
  .strict()
  .superRefine(checkIdentity)
  .superRefine(checkNotFuture);
export type PublicSubmission = z.output<typeof publicSubmissionSchema>;

/** `POST /api/cases` — a UPP officer records a complaint received directly. */
export const recordedSubmissionSchema = z
  .object({
    ...submissionShape,
    channel: z.enum(['walkin', 'phone', 'letter']),
    /** When the complaint reached the desk, if earlier than now (a letter, say). */
    receivedAt: z.iso.datetime({ offset: true }).optional(),
    letterNumber: text(1, 100).optional(),
  })
  .strict()
  .superRefine(checkIdentity)
  .superRefine(checkNotFuture);
export type RecordedSubmission = z.output<typeof recordedSubmissionSchema>;
