/** The payload of every staff action, keyed by the SOP table's action names. */
import { z } from 'zod';
import { CATEGORIES, DECLINE_REASONS, PRIORITIES } from '../workflow/categories';
import type { ActionName } from '../workflow/sop';
import { TRACKING_CODE_RE } from './complaint';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const uid = z.string().trim().min(1).max(128);

export const forwardSchema = z
  .object({
    category: z.enum(CATEGORIES),
    analysis: text(10, 5000),
  })
  .strict();

export const declineSchema = z
  .object({
    reason: z.enum(DECLINE_REASONS),
    /** Shown to the reporter. */
    explanation: text(10, 2000),
    duplicateOf: z.string().trim().toUpperCase().regex(TRACKING_CODE_RE, '@trackingCode').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.reason === 'duplikat' && !v.duplicateOf) {
      ctx.addIssue({ code: 'custom', path: ['duplicateOf'], message: '@duplicateOfRequired' });
    }
  });

export const validateSchema = z.object({ note: text(1, 2000).optional() }).strict();

export const disposeSchema = z
  .object({
    asdepUid: uid,
    instruction: text(5, 2000),
    priority: z.enum(PRIORITIES).default('biasa'),
  })
  .strict();

export const assignSchema = z
  .object({
    staffUids: z
      .array(uid)
      .min(1)
      .max(10)
      .refine((a) => new Set(a).size === a.length, '@uniqueStaff'),
    instruction: text(5, 2000),
    /** The SOP lets the Asdep request an internal leadership meeting (rapat staf pimpinan). */
    leadershipMeeting: z.boolean().default(false),
  })
  .strict();

export const submitStudySchema = z
  .object({
    study: text(20, 20000),
    materials: z.array(text(1, 300)).max(30).default([]),
    coordination: text(1, 5000).optional(),
  })
  .strict();

export const participantSchema = z
  .object({
    name: text(2, 120),
    organization: text(2, 200),
    kind: z.enum(['internal', 'unit_terkait', 'kl_terkait']),
  })
  .strict();

export const recordDiscussionSchema = z
  .object({
    heldOn: z.iso.date(),
    place: text(1, 200).optional(),
    participants: z.array(participantSchema).min(1).max(60),
    results: text(20, 20000),
    recommendation: text(1, 10000).optional(),
  })
  .strict();

export const submitDraftSchema = z
  .object({
    /** The ministry or agency the recommendation letter is addressed to. */
    addressee: text(3, 200),
    findings: text(20, 20000),
    recommendation: text(20, 20000),
  })
  .strict();

export const approveSchema = z.object({ note: text(1, 2000).optional() }).strict();
export const returnSchema = z.object({ reason: text(10, 2000) }).strict();

export const ACTION_SCHEMAS = {
  forward: forwardSchema,
  decline: declineSchema,
  validate: validateSchema,
  dispose: disposeSchema,
  assign: assignSchema,
  submitStudy: submitStudySchema,
  recordDiscussion: recordDiscussionSchema,
  submitDraft: submitDraftSchema,
  approve: approveSchema,
  return: returnSchema,
} as const satisfies Partial<Record<ActionName, z.ZodType>>;

export type StaffActionName = keyof typeof ACTION_SCHEMAS;
export type ActionPayloads = { [K in StaffActionName]: z.output<(typeof ACTION_SCHEMAS)[K]> };

export function isStaffActionName(name: unknown): name is StaffActionName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ACTION_SCHEMAS, name);
}
