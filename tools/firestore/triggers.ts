/**
 * Delivery of document-change events from the local Firestore to the Functions emulator,
 * the way the official Firestore emulator does it:
 *
 * - trigger discovery: `GET {functions}/backends` lists the function definitions (event type,
 *   database, namespace, document pattern); the emulator's trigger keys
 *   (`{region}-{name}-{generation}`, the generation grows on every reload of the functions)
 *   are read from the 404 answer of a POST to an unknown trigger, which lists all keys;
 * - one CloudEvent per (change, matching trigger), binary content mode:
 *   `content-type: application/protobuf`, the body the base64 of a protobuf
 *   `google.events.cloud.firestore.v1.DocumentEventData {value, old_value, update_mask}`
 *   (the Functions emulator base64-decodes such bodies; firebase-functions v2 decodes the
 *   protobuf), attributes as `ce-*` headers including the `project`, `database`,
 *   `namespace`, `document` and `location` extensions; one event id per change;
 * - POSTed to `{functions}/functions/projects/{project}/triggers/{triggerKey}` after the
 *   commit has answered; events of one document are delivered in commit order; retried
 *   (with trigger rediscovery) while the Functions emulator is unreachable or reloading;
 * - idle tracking (`whenIdle`) and redelivery of a recorded event (`redeliver`).
 */
import { randomUUID } from 'node:crypto';

import { DocumentMask } from '@firestore-emulator/proto/dist/google/firestore/v1/common';

import type { DocChange } from './store';
import { microsToRfc3339, toPbDocument, type StoredDoc } from './values';

export interface TriggerDef {
  key: string;
  id: string;
  name: string;
  region: string;
  eventType: string;
  database: string;
  namespace: string;
  /** document path pattern, e.g. `complaints/{id}` */
  document: string;
  retry: boolean;
}

export interface DeliveredEvent {
  eventId: string;
  triggerId: string;
  triggerKey: string;
  eventType: string;
  document: string;
  time: string;
  attempts: number;
  status: 'pending' | 'delivered' | 'failed' | 'dropped';
  httpStatus?: number;
  error?: string;
  redelivery: boolean;
}

interface Job {
  record: DeliveredEvent;
  trigger: TriggerDef;
  headers: Record<string, string>;
  body: string;
  docKey: string;
  firstTry: number;
  /** whether the document existed before / after the change */
  exists: { before: boolean; after: boolean };
}

export interface DispatcherOptions {
  projectId: string;
  /** e.g. http://127.0.0.1:5001 */
  functionsOrigin: string;
  /** location reported in events */
  location?: string;
  /** give up on an event after this long without success */
  maxRetryMs?: number;
  log?: (msg: string) => void;
  concurrency?: number;
}

const FIRESTORE_EVENT_PREFIX = 'google.cloud.firestore.document.v1.';
const HISTORY_LIMIT = 2000;

// ------------------------------------------------------------------------------- helpers

/** Minimal protobuf framing for DocumentEventData (field 1 value, 2 old_value, 3 update_mask). */
function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

function field(tag: number, payload: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([(tag << 3) | 2]), varint(payload.length), Buffer.from(payload)]);
}

export function encodeDocumentEventData(value: StoredDoc | null, oldValue: StoredDoc | null, updateMask: string[]): Buffer {
  const parts: Buffer[] = [];
  if (value) parts.push(field(1, toPbDocument(value).serializeBinary()));
  if (oldValue) parts.push(field(2, toPbDocument(oldValue).serializeBinary()));
  if (updateMask.length > 0) parts.push(field(3, DocumentMask.fromObject({ field_paths: updateMask }).serializeBinary()));
  return Buffer.concat(parts);
}

/** Matches `complaints/abc` against `complaints/{id}`, `{coll}/{doc=**}`, … */
export function matchesPattern(pattern: string, path: string): boolean {
  const p = pattern.replace(/^\/+|\/+$/g, '').split('/');
  const s = path.split('/');
  const match = (i: number, j: number): boolean => {
    if (i === p.length) return j === s.length;
    const seg = p[i];
    if (/^\{[^}=]+=\*\*\}$/.test(seg)) {
      for (let k = j; k <= s.length; k++) if (match(i + 1, k)) return true;
      return false;
    }
    if (j >= s.length) return false;
    if (/^\{[^}]+\}$/.test(seg) || seg === '*') return match(i + 1, j + 1);
    return seg === s[j] && match(i + 1, j + 1);
  };
  return match(0, 0);
}

function eventTypeFits(eventType: string, exists: { before: boolean; after: boolean }): boolean {
  const base = eventType.slice(FIRESTORE_EVENT_PREFIX.length).replace(/\.withAuthContext$/, '');
  switch (base) {
    case 'written':
      return true;
    case 'created':
      return !exists.before && exists.after;
    case 'updated':
      return exists.before && exists.after;
    case 'deleted':
      return exists.before && !exists.after;
    default:
      return false;
  }
}

function parseName(name: string): { project: string; database: string; document: string } {
  const m = /^projects\/([^/]+)\/databases\/([^/]+)\/documents\/(.+)$/.exec(name);
  if (!m) throw new Error(`bad document name ${name}`);
  return { project: m[1], database: m[2], document: m[3] };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface BackendsResponse {
  backends?: {
    functionTriggers?: {
      id?: string;
      name?: string;
      region?: string;
      eventTrigger?: {
        eventType?: string;
        retry?: boolean;
        eventFilters?: Record<string, string>;
        eventFilterPathPatterns?: Record<string, string>;
      };
    }[];
  }[];
}

// ------------------------------------------------------------------------------- dispatcher

export class TriggerDispatcher {
  private triggers: TriggerDef[] = [];
  /** true once the Functions emulator has reported loaded function definitions */
  private loaded = false;
  private lastRefresh = 0;
  private refreshing: Promise<void> | null = null;
  private readonly queue: Job[] = [];
  private readonly busyDocs = new Set<string>();
  private inFlight = 0;
  private readonly history: DeliveredEvent[] = [];
  private readonly jobsById = new Map<string, Job[]>();
  private idleWaiters: (() => void)[] = [];
  private paused = false;
  private stopped = false;
  readonly counters = { events: 0, delivered: 0, failed: 0, dropped: 0, retries: 0 };
  private readonly maxRetryMs: number;
  private readonly concurrency: number;
  private readonly location: string;
  private readonly log: (msg: string) => void;

  constructor(private readonly opts: DispatcherOptions) {
    this.maxRetryMs = opts.maxRetryMs ?? 120_000;
    this.concurrency = opts.concurrency ?? 4;
    this.location = opts.location ?? 'asia-southeast2';
    this.log = opts.log ?? ((m) => console.log(`[local-firestore] ${m}`));
  }

  get pending(): number {
    return this.queue.length + this.inFlight;
  }

  listTriggers(): TriggerDef[] {
    return [...this.triggers];
  }

  recent(filter?: { document?: string; triggerId?: string }): DeliveredEvent[] {
    return this.history.filter(
      (e) =>
        (!filter?.document || e.document === filter.document) &&
        (!filter?.triggerId || e.triggerId === filter.triggerId || e.triggerId.endsWith(`-${filter.triggerId}`)),
    );
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    if (!paused) this.pump();
  }

  stop(): void {
    this.stopped = true;
  }

  /** Discovers the Firestore triggers and their current keys from the Functions emulator. */
  async refresh(): Promise<void> {
    if (this.refreshing) return this.refreshing;
    this.refreshing = (async () => {
      try {
        const res = await fetch(`${this.opts.functionsOrigin}/backends`, { signal: AbortSignal.timeout(5000) });
        if (!res.ok) throw new Error(`GET /backends → ${res.status}`);
        const body = (await res.json()) as BackendsResponse;
        const defs = (body.backends ?? []).flatMap((b) => b.functionTriggers ?? []);
        this.loaded = defs.length > 0;
        const firestoreDefs = defs.filter((d) => d.eventTrigger?.eventType?.startsWith(FIRESTORE_EVENT_PREFIX));
        let keys: string[] = [];
        if (firestoreDefs.length > 0) {
          const probe = await fetch(
            `${this.opts.functionsOrigin}/functions/projects/${this.opts.projectId}/triggers/__local_firestore_key_probe__`,
            { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(5000) },
          );
          const text = await probe.text();
          const m = /valid functions are: (.*)$/s.exec(text);
          keys = m ? m[1].split(',').map((k) => k.trim()).filter(Boolean) : [];
        }
        const next: TriggerDef[] = [];
        for (const d of firestoreDefs) {
          const id = d.id ?? `${d.region}-${d.name}`;
          const et = d.eventTrigger ?? {};
          const esc = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const candidates = keys
            .map((k) => ({ k, m: new RegExp(`^${esc}-(\\d+)(-.*)?$`).exec(k) }))
            .filter((x): x is { k: string; m: RegExpExecArray } => x.m !== null)
            .sort((a, b) => Number(b.m[1]) - Number(a.m[1]));
          const key = candidates[0]?.k;
          const document = et.eventFilterPathPatterns?.document ?? et.eventFilters?.document;
          if (!key || !document || !et.eventType) continue;
          next.push({
            key,
            id,
            name: d.name ?? id,
            region: d.region ?? '',
            eventType: et.eventType,
            database: et.eventFilters?.database ?? '(default)',
            namespace: et.eventFilters?.namespace ?? '(default)',
            document,
            retry: et.retry ?? false,
          });
        }
        const before = JSON.stringify(this.triggers.map((t) => t.key).sort());
        this.triggers = next;
        this.lastRefresh = Date.now();
        if (before !== JSON.stringify(next.map((t) => t.key).sort())) {
          this.log(`Firestore triggers: ${next.map((t) => `${t.key} (${t.eventType.slice(FIRESTORE_EVENT_PREFIX.length)} ${t.document})`).join(', ') || 'none'}`);
        }
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  /** Refreshes in the background from time to time (functions reload on rebuild). */
  startPolling(intervalMs = 3000): NodeJS.Timeout {
    const timer = setInterval(() => {
      if (this.stopped) return;
      this.refresh().catch(() => undefined);
    }, intervalMs);
    timer.unref();
    this.refresh().catch(() => undefined);
    return timer;
  }

  /** Called synchronously by a commit: records the events now, delivers them later. */
  enqueue(changes: DocChange[]): void {
    for (const change of changes) this.enqueueChange(change);
  }

  private enqueueChange(change: DocChange): void {
    const { project, database, document } = parseName(change.name);
    if (project !== this.opts.projectId) return;
    const eventId = randomUUID();
    const time = microsToRfc3339(change.commitTime);
    const body = encodeDocumentEventData(change.after, change.before, change.updateMask).toString('base64');
    const docKey = change.name;
    // Matched against the triggers at delivery time (the functions may still be loading).
    const job: Job = {
      record: {
        eventId,
        triggerId: '',
        triggerKey: '',
        eventType: '',
        document,
        time,
        attempts: 0,
        status: 'pending',
        redelivery: false,
      },
      trigger: { key: '', id: '', name: '', region: '', eventType: '', database, namespace: '(default)', document: '', retry: false },
      headers: {},
      body,
      docKey,
      firstTry: Date.now(),
      exists: { before: change.before !== null, after: change.after !== null },
    };
    this.counters.events++;
    this.queue.push(job);
    setImmediate(() => this.pump());
  }

  private buildHeaders(job: Job, trigger: TriggerDef, eventType: string): Record<string, string> {
    const { project, database, document } = parseName(job.docKey);
    const headers: Record<string, string> = {
      'content-type': 'application/protobuf',
      'ce-specversion': '1.0',
      'ce-id': job.record.eventId,
      'ce-source': `//firestore.googleapis.com/projects/${project}/databases/${database}`,
      'ce-type': eventType,
      'ce-subject': `documents/${document}`,
      'ce-time': job.record.time,
      'ce-project': project,
      'ce-database': database,
      'ce-namespace': trigger.namespace,
      'ce-document': document,
      'ce-location': this.location,
    };
    if (eventType.endsWith('.withAuthContext')) {
      headers['ce-authtype'] = 'unknown';
      headers['ce-authid'] = '';
    }
    return headers;
  }

  /** Expands an unmatched change job into one job per matching trigger. */
  private async expand(job: Job): Promise<Job[]> {
    if (!this.loaded || Date.now() - this.lastRefresh > 10_000) {
      await this.refresh();
    }
    // Until the functions are loaded, keep the change (retried with backoff) instead of
    // matching it against an empty list.
    if (!this.loaded) throw new Error('the Functions emulator has not loaded any function yet');
    const { database, document } = parseName(job.docKey);
    const out: Job[] = [];
    for (const t of this.triggers) {
      if (t.database !== database || !eventTypeFits(t.eventType, job.exists) || !matchesPattern(t.document, document)) continue;
      const record: DeliveredEvent = {
        ...job.record,
        triggerId: t.id,
        triggerKey: t.key,
        eventType: t.eventType,
      };
      out.push({ ...job, record, trigger: t, headers: this.buildHeaders(job, t, t.eventType) });
    }
    return out;
  }

  private pump(): void {
    if (this.paused || this.stopped) return;
    while (this.inFlight < this.concurrency) {
      const index = this.queue.findIndex((j) => !this.busyDocs.has(j.docKey));
      if (index < 0) break;
      const [job] = this.queue.splice(index, 1);
      this.busyDocs.add(job.docKey);
      this.inFlight++;
      void this.run(job).finally(() => {
        this.busyDocs.delete(job.docKey);
        this.inFlight--;
        this.pump();
        this.checkIdle();
      });
    }
    this.checkIdle();
  }

  private async run(job: Job): Promise<void> {
    let jobs: Job[];
    if (job.trigger.key === '') {
      try {
        jobs = await this.expand(job);
      } catch (err) {
        // Functions emulator not reachable yet: wait and retry the whole change.
        await this.retryLater(job, err instanceof Error ? err.message : String(err));
        return;
      }
      if (jobs.length === 0) return;
      for (const j of jobs) {
        this.remember(j);
      }
    } else {
      jobs = [job];
    }
    for (const j of jobs) await this.deliver(j);
  }

  private remember(job: Job): void {
    this.history.push(job.record);
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
    const list = this.jobsById.get(job.record.eventId) ?? [];
    list.push(job);
    this.jobsById.set(job.record.eventId, list);
    if (this.jobsById.size > HISTORY_LIMIT) {
      const oldest = this.jobsById.keys().next().value;
      if (oldest !== undefined) this.jobsById.delete(oldest);
    }
  }

  private async retryLater(job: Job, reason: string): Promise<void> {
    if (Date.now() - job.firstTry > this.maxRetryMs) {
      this.counters.dropped++;
      job.record.status = 'dropped';
      job.record.error = reason;
      this.log(`dropping event ${job.record.eventId} for ${job.record.document}: ${reason}`);
      return;
    }
    this.counters.retries++;
    await sleep(Math.min(2000, 250 * 2 ** Math.min(job.record.attempts, 3)));
    job.record.attempts++;
    this.queue.unshift(job);
  }

  private async deliver(job: Job): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      job.record.attempts++;
      let httpStatus = 0;
      let error = '';
      try {
        const res = await fetch(
          `${this.opts.functionsOrigin}/functions/projects/${this.opts.projectId}/triggers/${job.trigger.key}`,
          { method: 'POST', headers: job.headers, body: job.body, signal: AbortSignal.timeout(600_000) },
        );
        httpStatus = res.status;
        const text = await res.text();
        if (res.ok) {
          job.record.status = 'delivered';
          job.record.httpStatus = httpStatus;
          this.counters.delivered++;
          return;
        }
        error = text.slice(0, 500);
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
      job.record.httpStatus = httpStatus;
      job.record.error = error;
      if (httpStatus === 404 || httpStatus === 0) {
        // the functions were reloaded (new trigger key) or the emulator is not up: rediscover
        if (Date.now() - job.firstTry > this.maxRetryMs) break;
        await sleep(Math.min(2000, 200 * job.record.attempts));
        try {
          await this.refresh();
        } catch {
          continue;
        }
        const current = this.triggers.find((t) => t.id === job.trigger.id);
        if (!current) {
          job.record.status = 'dropped';
          this.counters.dropped++;
          return;
        }
        job.trigger = current;
        job.record.triggerKey = current.key;
        continue;
      }
      // the function itself failed
      if (job.trigger.retry && Date.now() - job.firstTry < this.maxRetryMs && job.record.attempts < 5) {
        await sleep(500 * job.record.attempts);
        continue;
      }
      break;
    }
    job.record.status = 'failed';
    this.counters.failed++;
    this.log(`trigger ${job.trigger.id} failed for ${job.record.document} (event ${job.record.eventId}): ${job.record.httpStatus ?? ''} ${job.record.error ?? ''}`);
  }

  /** Delivers a recorded event again, with the same id and payload. */
  async redeliver(eventId: string, triggerId?: string): Promise<DeliveredEvent[]> {
    const jobs = (this.jobsById.get(eventId) ?? []).filter(
      (j) => !triggerId || j.trigger.id === triggerId || j.trigger.name === triggerId,
    );
    const out: DeliveredEvent[] = [];
    for (const original of jobs) {
      const current = this.triggers.find((t) => t.id === original.trigger.id) ?? original.trigger;
      const job: Job = {
        ...original,
        trigger: current,
        record: { ...original.record, triggerKey: current.key, attempts: 0, status: 'pending', redelivery: true },
        firstTry: Date.now(),
      };
      this.history.push(job.record);
      this.inFlight++;
      try {
        await this.deliver(job);
      } finally {
        this.inFlight--;
        this.checkIdle();
      }
      out.push(job.record);
    }
    return out;
  }

  private checkIdle(): void {
    if (this.pending > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  /**
   * Resolves once no event is queued or being delivered, and stays so for `quietMs`
   * (handlers' own writes raise further events). Rejects after `timeoutMs`.
   */
  async whenIdle(timeoutMs = 30_000, quietMs = 50): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.pending === 0) {
        await sleep(quietMs);
        if (this.pending === 0) return;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`trigger delivery still busy after ${timeoutMs} ms (${this.pending} pending)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.idleWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
