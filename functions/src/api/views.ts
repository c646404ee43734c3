/** What each audience may see of a complaint: public tracking view, staff summary, detail. */
import type { ComplaintDoc, HistoryEntry } from '../store/complaints';
import type { StaffProfile } from '../store/staff';
import type { Lang } from '../schemas/i18n';
import {
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  DECLINE_REASON_LABELS,
  PUBLIC_STATUS_TEXT,
  ROLE_LABELS,
  stepDef,
  type DeclineReason,
} from '../workflow';

export function trackingView(c: ComplaintDoc, history: HistoryEntry[], lang: Lang) {
  const timeline: Array<{ status: string; label: string; description: string; at: string }> = [];
  for (const h of history) {
    if (timeline.length > 0 && timeline[timeline.length - 1].status === h.status) continue;
    const t = PUBLIC_STATUS_TEXT[h.status][lang];
    timeline.push({ status: h.status, label: t.label, description: t.description, at: h.at });
  }
  const text = PUBLIC_STATUS_TEXT[c.status][lang];
  const decline = c.outcome === 'declined' ? c.outputs.step2 : undefined;
  return {
    trackingCode: c.trackingCode,
    subject: c.subject,
    status: c.status,
    statusLabel: text.label,
    statusDescription: text.description,
    submittedAt: c.submittedAt,
    updatedAt: c.updatedAt,
    targetDate: c.caseDueAt,
    timeline,
    ...(decline
      ? {
          decline: {
            reason: decline.reason,
            reasonLabel: DECLINE_REASON_LABELS[decline.reason as DeclineReason]?.[lang] ?? '',
            explanation: String(decline.explanation ?? ''),
          },
        }
      : {}),
  };
}

export function caseSummary(c: ComplaintDoc, lang: Lang) {
  return {
    id: c.id,
    trackingCode: c.trackingCode,
    subject: c.subject,
    category: c.category,
    categoryLabel: c.category ? CATEGORY_LABELS[c.category][lang] : null,
    channel: c.channel,
    channelLabel: CHANNEL_LABELS[c.channel][lang],
    confidentiality: c.confidentiality,
    step: c.step,
    stepTitle: stepDef(c.step).title[lang],
    outcome: c.outcome,
    status: c.status,
    statusLabel: PUBLIC_STATUS_TEXT[c.status][lang].label,
    assigneeRole: c.assigneeRole,
    assigneeRoleLabel: c.assigneeRole ? ROLE_LABELS[c.assigneeRole][lang] : null,
    assignees: c.assignees,
    asdepUid: c.asdepUid,
    staffUids: c.staffUids,
    stepEnteredAt: c.stepEnteredAt,
    stepDueAt: c.stepDueAt,
    caseDueAt: c.caseDueAt,
    isOverdue: c.isOverdue,
    overdue: c.overdue,
    breachCount: c.breachCount,
    rework: c.rework,
    version: c.version,
    submittedAt: c.submittedAt,
    updatedAt: c.updatedAt,
  };
}

export function historyView(history: HistoryEntry[], staff: Map<string, StaffProfile>, lang: Lang) {
  return history.map((h) => ({
    version: h.version,
    action: h.action,
    actor: {
      uid: h.actor.uid,
      role: h.actor.role,
      name: staff.get(h.actor.uid)?.name ?? ROLE_LABELS[h.actor.role][lang],
    },
    from: h.from,
    to: h.to,
    at: h.at,
    status: h.status,
    payload: h.payload,
  }));
}

export function staffView(s: StaffProfile) {
  return { uid: s.uid, name: s.name, role: s.role, unit: s.unit, unitName: s.unitName };
}
