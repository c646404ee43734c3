/**
 * The HTTP API, one express app behind the Hosting rewrite `/api/**` (see README for the
 * contract). Every error is application/problem+json; every input is checked by zod.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { ACTION_SCHEMAS, calendarSettingsSchema, publicSubmissionSchema, recordedSubmissionSchema, parseWith } from '../schemas';
import { loadCalendar, saveCalendar, upcomingHolidays } from '../store/calendar';
import {
  SOP,
  STAFF_ROLES,
  ROLE_LABELS,
  availableActions,
  canSeeCase,
  mayReadIdentity,
  isStaffRole,
  type StaffRole,
} from '../workflow';
import {
  applyAction,
  createComplaint,
  createComplaintOnce,
  findByTrackingCode,
  getComplaint,
  getHistory,
  getReporter,
  tokenMatches,
  toCaseState,
  complaintRef,
  type ComplaintDoc,
} from '../store/complaints';
import { db } from '../store/db';
import { getStaffMany, listStaff } from '../store/staff';
import { requireStaff, type AuthedRequest, type StaffActor } from './auth';
import { langOf, problem } from './problem';
import { caseSummary, historyView, staffView, trackingView } from './views';
import { openApiDocument } from './openapi';

type Handler = (req: AuthedRequest, res: Response) => Promise<void>;
const wrap = (h: Handler) => (req: Request, res: Response, next: NextFunction) => h(req as AuthedRequest, res).catch(next);

function actorOf(req: AuthedRequest): StaffActor {
  if (!req.actor) throw new Error('requireStaff did not run');
  return req.actor;
}

function notFound(res: Response, req: Request): void {
  const lang = langOf(req);
  problem(res, lang, 404, 'NOT_FOUND', lang === 'id' ? 'Pengaduan tidak ditemukan.' : 'Complaint not found.');
}

function workflowView() {
  return SOP.map((s) => ({
    step: s.no,
    role: s.role,
    roleLabel: ROLE_LABELS[s.role],
    title: s.title,
    activity: s.activity,
    standard: s.standard,
    input: s.input,
    output: s.output,
    note: s.note,
    actions: s.actions.map((a) => ({
      name: a.name,
      roles: a.roles,
      to: a.to,
      label: a.label,
      payloadSchema:
        a.name in ACTION_SCHEMAS ? z.toJSONSchema(ACTION_SCHEMAS[a.name as keyof typeof ACTION_SCHEMAS], { io: 'input' }) : null,
    })),
  }));
}

const ACCESS_TOKEN_HEADER = 'x-access-token';

export function routes(): Router {
  const r = express.Router();

  r.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  r.get('/workflow', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json({
      steps: workflowView(),
      submission: z.toJSONSchema(publicSubmissionSchema, { io: 'input' }),
      recordedSubmission: z.toJSONSchema(recordedSubmissionSchema, { io: 'input' }),
    });
  });

  r.get('/openapi.json', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(openApiDocument());
  });

  r.post(
    '/complaints',
    wrap(async (req, res) => {
      const lang = langOf(req);
      const parsed = parseWith(publicSubmissionSchema, req.body, lang);
      if (!parsed.ok) {
        problem(res, lang, 400, 'INVALID_SUBMISSION', lang === 'id' ? 'Periksa kembali isian Anda.' : 'Please check your input.', { errors: parsed.errors });
        return;
      }
      const input = { submission: parsed.value, channel: 'online' as const, recordedBy: null };
      const key = req.get('idempotency-key');
      if (key === undefined) {
        const created = await createComplaint(input, new Date());
        res.status(201).location(`/api/track/${created.trackingCode}`).json(created);
        return;
      }
      if (!/^[A-Za-z0-9_-]{8,100}$/.test(key)) {
        problem(res, lang, 400, 'INVALID_IDEMPOTENCY_KEY', lang === 'id' ? 'Kunci Idempotency-Key tidak valid.' : 'Invalid Idempotency-Key.', {
          errors: [{ path: 'Idempotency-Key', message: lang === 'id' ? '8–100 huruf, angka, - atau _.' : '8–100 letters, digits, - or _.' }],
        });
        return;
      }
      const outcome = await createComplaintOnce(input, key, new Date());
      if (!outcome.ok) {
        problem(res, lang, 409, 'IDEMPOTENCY_KEY_REUSED', lang === 'id' ? 'Kunci ini sudah dipakai untuk pengaduan lain.' : 'This key was used for another complaint.');
        return;
      }
      if (outcome.replayed) res.set('Idempotent-Replayed', 'true');
      res.status(201).location(`/api/track/${outcome.created.trackingCode}`).json(outcome.created);
    }),
  );

  r.get(
    '/track/:code',
    wrap(async (req, res) => {
      const lang = langOf(req);
      const token = req.get(ACCESS_TOKEN_HEADER) ?? (typeof req.query.token === 'string' ? req.query.token : '');
      const c = token ? await findByTrackingCode(String(req.params.code)) : null;
      // An unknown code and a wrong token give the same answer.
      if (!c || !tokenMatches(token, c.accessTokenHash)) {
        problem(res, lang, 404, 'NOT_FOUND', lang === 'id' ? 'Kode pelacakan atau kode akses tidak cocok.' : 'Tracking code or access code does not match.');
        return;
      }
      res.set('Cache-Control', 'no-store').json(trackingView(c, await getHistory(c.id), lang));
    }),
  );

  // ---- staff ----
  r.use(['/staff', '/cases', '/config'], (req: Request, res: Response, next: NextFunction) => {
    requireStaff(req as AuthedRequest, res, next).catch(next);
  });

  r.get(
    '/staff',
    wrap(async (req, res) => {
      const lang = langOf(req);
      const role = req.query.role;
      if (role !== undefined && !isStaffRole(role)) {
        problem(res, lang, 400, 'INVALID_QUERY', lang === 'id' ? 'Peran tidak dikenal.' : 'Unknown role.', {
          errors: [{ path: 'role', message: `${lang === 'id' ? 'Pilih salah satu' : 'Choose one of'}: ${STAFF_ROLES.join(', ')}` }],
        });
        return;
      }
      res.json({ staff: (await listStaff(role)).map(staffView) });
    }),
  );

  r.get(
    '/config/calendar',
    wrap(async (_req, res) => {
      const calendar = await loadCalendar();
      res.json({ config: calendar.config, upcomingHolidays: upcomingHolidays(calendar, new Date(), 366) });
    }),
  );

  r.put(
    '/config/calendar',
    wrap(async (req, res) => {
      const lang = langOf(req);
      const actor = actorOf(req);
      if (actor.role !== 'admin') {
        problem(res, lang, 403, 'ROLE_NOT_PERMITTED', lang === 'id' ? 'Hanya administrator yang mengatur kalender kerja.' : 'Only the administrator sets the working calendar.');
        return;
      }
      const parsed = parseWith(calendarSettingsSchema, req.body, lang);
      if (!parsed.ok) {
        problem(res, lang, 422, 'INVALID_PAYLOAD', lang === 'id' ? 'Periksa kembali isian.' : 'Please check the input.', { errors: parsed.errors });
        return;
      }
      const calendar = await saveCalendar(parsed.value, actor.uid, new Date());
      res.json({ config: calendar.config, upcomingHolidays: upcomingHolidays(calendar, new Date(), 366) });
    }),
  );

  r.get(
    '/cases',
    wrap(async (req, res) => {
      const lang = langOf(req);
      const actor = actorOf(req);
      const q = z
        .object({
          scope: z.enum(['mine', 'all', 'overdue']).default('mine'),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          cursor: z.coerce.number().int().min(0).default(0),
        })
        .safeParse(req.query);
      if (!q.success) {
        problem(res, lang, 400, 'INVALID_QUERY', lang === 'id' ? 'Parameter tidak valid.' : 'Invalid parameters.', {
          errors: q.error.issues.map((i) => ({ path: i.path.join('.'), message: lang === 'id' ? 'Nilai tidak valid.' : 'Invalid value.' })),
        });
        return;
      }
      const { scope, limit, cursor } = q.data;
      const items = await listCases(actor, scope);
      const page = items.slice(cursor, cursor + limit);
      res.json({
        scope,
        total: items.length,
        items: page.map((c) => caseSummary(c, lang)),
        nextCursor: cursor + limit < items.length ? String(cursor + limit) : null,
      });
    }),
  );

  r.post(
    '/cases',
    wrap(async (req, res) => {
      const lang = langOf(req);
      const actor = actorOf(req);
      if (actor.role !== 'upp') {
        problem(res, lang, 403, 'ROLE_NOT_PERMITTED', lang === 'id' ? 'Hanya petugas UPP yang mencatat pengaduan langsung.' : 'Only UPP officers record direct complaints.');
        return;
      }
      const parsed = parseWith(recordedSubmissionSchema, req.body, lang);
      if (!parsed.ok) {
        problem(res, lang, 400, 'INVALID_SUBMISSION', lang === 'id' ? 'Periksa kembali isian.' : 'Please check the input.', { errors: parsed.errors });
        return;
      }
      const created = await createComplaint({ submission: parsed.value, channel: parsed.value.channel, recordedBy: actor.uid }, new Date());
      res.status(201).location(`/api/cases/${created.id}`).json(created);
    }),
  );

  r.get(
    '/cases/:id',
    wrap(async (req, res) => {
      const lang = langOf(req);
      const actor = actorOf(req);
      const c = await getComplaint(String(req.params.id));
      if (!c || !canSeeCase(actor.role, actor.uid, c)) return notFound(res, req);
      const [history, docs, breaches] = await Promise.all([
        getHistory(c.id),
        complaintRef(c.id).collection('documents').get(),
        db().collection('breaches').where('complaintId', '==', c.id).get(),
      ]);
      const staff = await getStaffMany([...history.map((h) => h.actor.uid), ...c.assignees, ...c.staffUids, c.asdepUid ?? '']);
      const entitled = mayReadIdentity(actor.role, c.confidentiality);
      const reporter = entitled && c.hasReporter ? await getReporter(c.id) : null;
      if (reporter) {
        // Who looked at a reporter's identity, and when, is kept.
        await complaintRef(c.id).collection('identityReads').add({ uid: actor.uid, role: actor.role, at: new Date().toISOString() });
      }
      res.set('Cache-Control', 'no-store').json({
        ...caseSummary(c, lang),
        description: c.description,
        location: c.location,
        incidentDate: c.incidentDate,
        letterNumber: c.letterNumber,
        outputs: c.outputs,
        reporter,
        reporterHidden: !entitled,
        assigneeNames: c.assignees.map((u) => staff.get(u)?.name ?? u),
        history: historyView(history, staff, lang),
        documents: docs.docs
          .map((d) => ({ id: d.id, kind: d.get('kind'), version: d.get('version'), title: d.get('title'), createdAt: d.get('createdAt') }))
          .sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt))),
        breaches: breaches.docs.map((b) => b.data()),
        availableActions: availableActions(toCaseState(c), actor).map((a) => ({ name: a.name, label: a.label[lang] })),
      });
    }),
  );

  r.post(
    '/cases/:id/actions',
    wrap(async (req, res) => {
      const lang = langOf(req);
      const actor = actorOf(req);
      const body: unknown = req.body;
      const envelope = z
        .looseObject({ action: z.string().min(1), version: z.number().int().min(1) })
        .safeParse(body);
      if (!envelope.success) {
        problem(res, lang, 422, 'INVALID_PAYLOAD', lang === 'id' ? 'Sebutkan tindakan (action) dan versi (version).' : 'Give the action and the version.', {
          errors: envelope.error.issues.map((i) => ({ path: i.path.join('.'), message: lang === 'id' ? 'Wajib diisi dengan benar.' : 'Required and must be valid.' })),
        });
        return;
      }
      const { action, version, ...payload } = envelope.data;
      // No visibility filter here: someone acting on a case not theirs learns why (403
      // NOT_ASSIGNEE) rather than a bare 404; ids are random and the answer holds no content.
      const outcome = await applyAction(String(req.params.id), { action, version, payload }, actor, lang, new Date());
      if (!outcome.ok) {
        if ('notFound' in outcome) return notFound(res, req);
        const e = outcome.error;
        problem(res, lang, e.status, e.code, e.message, {
          ...(e.errors ? { errors: e.errors } : {}),
          ...(e.currentVersion !== undefined ? { currentVersion: e.currentVersion } : {}),
        });
        return;
      }
      res.json({ ...caseSummary(outcome.complaint, lang), move: { version: outcome.move.version, action: outcome.move.action, from: outcome.move.from, to: outcome.move.to } });
    }),
  );

  r.get(
    '/cases/:id/documents/:docId',
    wrap(async (req, res) => {
      const actor = actorOf(req);
      const c = await getComplaint(String(req.params.id));
      if (!c || !canSeeCase(actor.role, actor.uid, c)) return notFound(res, req);
      const snap = await complaintRef(c.id).collection('documents').doc(String(req.params.docId)).get();
      if (!snap.exists) return notFound(res, req);
      res.set('Cache-Control', 'private, no-store').type('text/html; charset=utf-8').send(String(snap.get('html')));
    }),
  );

  return r;
}

async function listCases(actor: StaffActor, scope: 'mine' | 'all' | 'overdue'): Promise<ComplaintDoc[]> {
  const col = db().collection('complaints');
  let docs: ComplaintDoc[];
  if (scope === 'mine') {
    const snap =
      actor.role === 'asdep' || actor.role === 'kabid'
        ? await col.where('assignees', 'array-contains', actor.uid).get()
        : await col.where('assigneeRole', '==', actor.role).get();
    docs = snap.docs
      .map((d) => d.data() as ComplaintDoc)
      .filter((c) => c.outcome === null && c.assigneeRole === actor.role && (c.assignees.length === 0 || c.assignees.includes(actor.uid)));
  } else {
    const base =
      actor.role === 'asdep'
        ? col.where('asdepUid', '==', actor.uid)
        : actor.role === 'kabid'
          ? col.where('staffUids', 'array-contains', actor.uid)
          : col;
    const snap = scope === 'overdue' ? await base.where('isOverdue', '==', true).get() : await base.get();
    docs = snap.docs.map((d) => d.data() as ComplaintDoc);
  }
  docs = docs.filter((c) => canSeeCase(actor.role as StaffRole, actor.uid, c));
  // Most urgent first for work lists; newest first for the archive.
  if (scope === 'all') docs.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || a.id.localeCompare(b.id));
  else docs.sort((a, b) => (a.stepDueAt ?? '9').localeCompare(b.stepDueAt ?? '9') || a.id.localeCompare(b.id));
  return docs;
}

export function createApp(): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '200kb' }));
  const api = routes();
  app.use('/api', api);
  app.use('/', api);
  app.use((req: Request, res: Response) => {
    const lang = langOf(req);
    problem(res, lang, 404, 'NO_ROUTE', lang === 'id' ? 'Alamat API tidak dikenal.' : 'Unknown API route.');
  });
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const lang = langOf(req);
    const e = err as { type?: string; status?: number };
    if (e && e.type === 'entity.parse.failed') {
      problem(res, lang, 400, 'MALFORMED_JSON', lang === 'id' ? 'Isi permintaan bukan JSON yang valid.' : 'The request body is not valid JSON.');
      return;
    }
    if (e && e.type === 'entity.too.large') {
      problem(res, lang, 413, 'TOO_LARGE', lang === 'id' ? 'Isi permintaan terlalu besar.' : 'The request body is too large.');
      return;
    }
    console.error('api: unhandled error', { path: req.path, error: err instanceof Error ? err.message : String(err) });
    problem(res, lang, 500, 'INTERNAL', lang === 'id' ? 'Terjadi kesalahan pada server. Coba lagi.' : 'Server error. Please try again.');
  });
  return app;
}
