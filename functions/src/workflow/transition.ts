/**
 * The only way a complaint moves: `transition(state, request, actor, now)` checks a staff (or
 * system) action against the SOP table and returns the next state plus the effects to run
 * after the commit — or a typed error. Pure (statelyai/xstate style): no I/O, no clock.
 */
import { ACTION_SCHEMAS, isStaffActionName, type ActionPayloads, type StaffActionName } from '../schemas/actions';
import { parseWith, type FieldError, type Lang } from '../schemas/i18n';
import type { Confidentiality, Role } from './roles';
import { findAction, stepDef, type ActionDef, type ActionName, type DocumentKind, type StepNo, SOP } from './sop';
import { publicStatus, type Outcome, type PublicStatus } from './status';

export interface Actor {
  uid: string;
  role: Role;
}

export const SYSTEM_ACTOR: Actor = { uid: 'system', role: 'system' };

export interface Approval {
  uid: string;
  at: string;
  version: number;
}

/** The workflow part of a complaint document. */
export interface CaseState {
  step: StepNo;
  outcome: Outcome | null;
  status: PublicStatus;
  version: number;
  confidentiality: Confidentiality;
  /** Who may act at the current step; empty = everyone in the step's role (a desk). */
  assignees: string[];
  /** Role that acts at the current step (null once the case is closed). */
  assigneeRole: Role | null;
  asdepUid: string | null;
  staffUids: string[];
  draftedBy: string | null;
  /** Approvals of the current draft at steps 9, 10, 11; a return clears those it undoes. */
  approvals: { step9: Approval | null; step10: Approval | null; step11: Approval | null };
  /** How often work was sent back to each step. */
  rework: { step8: number; step9: number; step10: number };
  stepEnteredAt: string;
  stepDueAt: string | null;
}

export interface ActionRequest {
  action: string;
  version: number;
  payload: unknown;
}

export type Effect =
  | { type: 'cancelDeadline'; step: StepNo; version: number }
  | { type: 'scheduleDeadline'; step: StepNo; version: number }
  | { type: 'notifyAssignees'; step: StepNo }
  | { type: 'notifyReporter'; status: PublicStatus }
  | { type: 'renderDocument'; kind: DocumentKind; step: StepNo };

/** The record of one move, stored on the complaint (`lastMove`) and in its history. */
export interface Move {
  version: number;
  action: ActionName;
  actor: Actor;
  from: { step: StepNo; outcome: Outcome | null };
  to: { step: StepNo; outcome: Outcome | null };
  at: string;
  payload: Record<string, unknown>;
  effects: Effect[];
}

export type TransitionErrorCode =
  | 'UNKNOWN_ACTION'
  | 'ROLE_NOT_PERMITTED'
  | 'NOT_ASSIGNEE'
  | 'SELF_APPROVAL'
  | 'WRONG_STEP'
  | 'CASE_CLOSED'
  | 'STALE_VERSION'
  | 'INVALID_PAYLOAD';

export interface TransitionError {
  code: TransitionErrorCode;
  /** HTTP status the API answers with. */
  status: 403 | 409 | 422;
  message: string;
  errors?: FieldError[];
  currentVersion?: number;
}

export type TransitionResult = { ok: true; state: CaseState; move: Move } | { ok: false; error: TransitionError };

export interface TransitionContext {
  lang?: Lang;
  /** Due instant of a step entered at `enteredAt` (the working-time calendar); null = none. */
  dueAt?: (step: StepNo, enteredAt: Date) => Date | null;
}

const MESSAGES: Record<TransitionErrorCode, { id: string; en: string }> = {
  UNKNOWN_ACTION: { id: 'Tindakan tidak dikenal.', en: 'Unknown action.' },
  ROLE_NOT_PERMITTED: { id: 'Peran Anda tidak berwenang melakukan tindakan ini.', en: 'Your role may not take this action.' },
  NOT_ASSIGNEE: { id: 'Pengaduan ini tidak ditugaskan kepada Anda.', en: 'This complaint is not assigned to you.' },
  SELF_APPROVAL: {
    id: 'Penyusun konsep laporan tidak boleh menyetujui laporannya sendiri.',
    en: 'Whoever drafted the report may not approve it.',
  },
  WRONG_STEP: { id: 'Tindakan ini tidak berlaku pada tahap pengaduan saat ini.', en: 'This action is not valid at the current step.' },
  CASE_CLOSED: { id: 'Pengaduan ini sudah ditutup.', en: 'This complaint is closed.' },
  STALE_VERSION: {
    id: 'Pengaduan ini telah diperbarui oleh orang lain. Muat ulang lalu coba lagi.',
    en: 'This complaint was updated by someone else. Reload and try again.',
  },
  INVALID_PAYLOAD: { id: 'Isian tidak valid.', en: 'Invalid input.' },
};

function fail(code: TransitionErrorCode, lang: Lang, extra: Partial<TransitionError> = {}): TransitionResult {
  const status = code === 'STALE_VERSION' ? 409 : code === 'ROLE_NOT_PERMITTED' || code === 'NOT_ASSIGNEE' || code === 'SELF_APPROVAL' ? 403 : 422;
  return { ok: false, error: { code, status, message: MESSAGES[code][lang], ...extra } };
}

/** Every role named anywhere in the table for this action. */
function rolesAnywhere(name: ActionName): Set<Role> {
  const roles = new Set<Role>();
  for (const step of SOP) for (const a of step.actions) if (a.name === name) a.roles.forEach((r) => roles.add(r));
  return roles;
}

/** The initial state of a new complaint (step 1), before the automatic intake. */
export function initialState(confidentiality: Confidentiality, now: Date): CaseState {
  return {
    step: 1,
    outcome: null,
    status: publicStatus(1, null),
    version: 1,
    confidentiality,
    assignees: [],
    assigneeRole: 'upp',
    asdepUid: null,
    staffUids: [],
    draftedBy: null,
    approvals: { step9: null, step10: null, step11: null },
    rework: { step8: 0, step9: 0, step10: 0 },
    stepEnteredAt: now.toISOString(),
    stepDueAt: null,
  };
}

export function transition(
  state: CaseState,
  request: ActionRequest,
  actor: Actor,
  now: Date,
  ctx: TransitionContext = {},
): TransitionResult {
  const lang = ctx.lang ?? 'id';
  const name = request.action;
  if (name !== 'intake' && !isStaffActionName(name)) return fail('UNKNOWN_ACTION', lang);
  const actionName = name as ActionName;
  if (!rolesAnywhere(actionName).has(actor.role)) return fail('ROLE_NOT_PERMITTED', lang);

  if (state.outcome !== null) {
    return request.version !== state.version
      ? fail('STALE_VERSION', lang, { currentVersion: state.version })
      : fail('CASE_CLOSED', lang);
  }
  const def = findAction(state.step, actionName);
  if (!def) {
    return request.version !== state.version
      ? fail('STALE_VERSION', lang, { currentVersion: state.version })
      : fail('WRONG_STEP', lang);
  }
  if (!def.roles.includes(actor.role)) return fail('ROLE_NOT_PERMITTED', lang);
  if (actor.role !== 'system' && state.assignees.length > 0 && !state.assignees.includes(actor.uid)) {
    return fail('NOT_ASSIGNEE', lang);
  }
  if (def.name === 'approve' && (state.draftedBy === actor.uid || state.staffUids.includes(actor.uid))) {
    return fail('SELF_APPROVAL', lang);
  }
  if (request.version !== state.version) return fail('STALE_VERSION', lang, { currentVersion: state.version });

  let payload: Record<string, unknown> = {};
  if (def.kind !== 'automatic') {
    const schema = ACTION_SCHEMAS[def.name as StaffActionName];
    const parsed = parseWith(schema, request.payload ?? {}, lang);
    if (!parsed.ok) return fail('INVALID_PAYLOAD', lang, { errors: parsed.errors });
    payload = parsed.value as Record<string, unknown>;
  }
  return { ok: true, ...apply(state, def, payload, actor, now, ctx) };
}

function apply(
  state: CaseState,
  def: ActionDef,
  payload: Record<string, unknown>,
  actor: Actor,
  now: Date,
  ctx: TransitionContext,
): { state: CaseState; move: Move } {
  const at = now.toISOString();
  const version = state.version + 1;
  const next: CaseState = {
    ...state,
    version,
    approvals: { ...state.approvals },
    rework: { ...state.rework },
    staffUids: [...state.staffUids],
  };

  switch (def.name) {
    case 'dispose':
      next.asdepUid = (payload as ActionPayloads['dispose']).asdepUid;
      break;
    case 'assign':
      next.staffUids = [...(payload as ActionPayloads['assign']).staffUids];
      break;
    case 'submitDraft':
      next.draftedBy = actor.uid;
      break;
    case 'approve':
      next.approvals[`step${state.step as 9 | 10 | 11}`] = { uid: actor.uid, at, version };
      break;
    case 'return':
      if (state.step === 9) {
        next.rework.step8 += 1;
        next.approvals = { step9: null, step10: null, step11: null };
      } else if (state.step === 10) {
        next.rework.step9 += 1;
        next.approvals = { step9: null, step10: null, step11: null };
      } else {
        next.rework.step10 += 1;
        next.approvals = { ...next.approvals, step10: null, step11: null };
      }
      break;
    default:
      break;
  }

  const effects: Effect[] = [{ type: 'cancelDeadline', step: state.step, version: state.version }];
  if ('outcome' in def.to) {
    next.outcome = def.to.outcome;
    next.assignees = [];
    next.assigneeRole = null;
    next.stepDueAt = null;
  } else {
    const to = def.to.step;
    next.step = to;
    next.assigneeRole = stepDef(to).role;
    next.assignees = assigneesFor(def, next, payload);
    next.stepEnteredAt = at;
    const due = ctx.dueAt ? ctx.dueAt(to, now) : null;
    next.stepDueAt = due ? due.toISOString() : null;
    effects.push({ type: 'scheduleDeadline', step: to, version }, { type: 'notifyAssignees', step: to });
  }
  next.status = publicStatus(next.step, next.outcome);
  if (next.status !== state.status) effects.push({ type: 'notifyReporter', status: next.status });
  if (def.document) effects.push({ type: 'renderDocument', kind: def.document, step: state.step });

  const move: Move = {
    version,
    action: def.name,
    actor,
    from: { step: state.step, outcome: state.outcome },
    to: { step: next.step, outcome: next.outcome },
    at,
    payload,
    effects,
  };
  return { state: next, move };
}

function assigneesFor(def: ActionDef, next: CaseState, payload: Record<string, unknown>): string[] {
  switch (def.assignee) {
    case 'payload.asdepUid':
      return [(payload as ActionPayloads['dispose']).asdepUid];
    case 'payload.staffUids':
      return [...(payload as ActionPayloads['assign']).staffUids];
    case 'case.asdep':
      return next.asdepUid ? [next.asdepUid] : [];
    case 'case.staff':
      return [...next.staffUids];
    default:
      return [];
  }
}

/** Staff actions open to `actor` on `state` now (for the staff page's buttons). */
export function availableActions(state: CaseState, actor: Actor): ActionDef[] {
  if (state.outcome !== null) return [];
  return stepDef(state.step).actions.filter(
    (a) =>
      a.kind !== 'automatic' &&
      a.name !== 'submit' &&
      a.roles.includes(actor.role) &&
      (state.assignees.length === 0 || state.assignees.includes(actor.uid)) &&
      !(a.name === 'approve' && (state.draftedBy === actor.uid || state.staffUids.includes(actor.uid))),
  );
}
