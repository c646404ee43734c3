/**
 * The document store of the local Firestore: all documents of all projects/databases keyed
 * by full resource name, atomic application of a list of writes (every precondition is
 * checked against a staged copy before anything is applied), field transforms, unique
 * monotonic commit times, change notification, and JSON import/export.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import type { Write as PbWrite, DocumentTransformFieldTransform as PbFieldTransform } from '@firestore-emulator/proto/dist/google/firestore/v1/write';
import { status } from '@grpc/grpc-js';

import {
  cloneFields,
  compareNames,
  compareValues,
  decodeFromJson,
  deleteField,
  encodeForJson,
  fieldsIdentical,
  fromPbFields,
  fromPbValue,
  getField,
  isNumber,
  microsToRfc3339,
  parseFieldPath,
  setField,
  tsToMicros,
  valuesEqual,
  type Fields,
  type StoredDoc,
  type Value,
} from './values';

export class FirestoreError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
  }
}

/** One document changed by a commit. */
export interface DocChange {
  name: string;
  before: StoredDoc | null;
  after: StoredDoc | null;
  /** Field paths that changed (update events only). */
  updateMask: string[];
  commitTime: number;
}

export interface CommitResult {
  commitTime: number;
  writeResults: { updateTime: number; transformResults: Value[] }[];
  changes: DocChange[];
}

interface ExportFile {
  version: 1;
  exportedAt: string;
  documents: { name: string; fields: unknown; createTime: string; updateTime: string }[];
}

export class Store {
  private docs = new Map<string, StoredDoc>();
  private lastCommit = 0;
  readonly events = new EventEmitter();
  /** Increments on every change; lets callers know whether an export is needed. */
  generation = 0;

  get size(): number {
    return this.docs.size;
  }

  get(name: string): StoredDoc | undefined {
    return this.docs.get(name);
  }

  /** All documents, in name order. */
  all(): StoredDoc[] {
    return [...this.docs.values()].sort((a, b) => compareNames(a.name, b.name));
  }

  /** Documents whose name starts with `prefix/`. */
  under(prefix: string): StoredDoc[] {
    const p = `${prefix}/`;
    const out: StoredDoc[] = [];
    for (const doc of this.docs.values()) if (doc.name.startsWith(p)) out.push(doc);
    return out;
  }

  /** A strictly increasing commit time in microseconds. */
  nextCommitTime(): number {
    const now = Date.now() * 1000;
    this.lastCommit = Math.max(now, this.lastCommit + 1);
    return this.lastCommit;
  }

  /**
   * Applies writes atomically. `validate` runs first (transaction checks); then every write
   * is applied to a staged view in order, checking its precondition; only when all succeed
   * is the staged view stored. Throws FirestoreError without changing anything otherwise.
   */
  commit(writes: PbWrite[], validate?: () => void): CommitResult {
    validate?.();
    const commitTime = this.nextCommitTime();
    const staged = new Map<string, StoredDoc | null>();
    const originals = new Map<string, StoredDoc | null>();
    const masks = new Map<string, Set<string>>();
    const current = (name: string): StoredDoc | null => {
      if (staged.has(name)) return staged.get(name) ?? null;
      return this.docs.get(name) ?? null;
    };
    const writeResults: CommitResult['writeResults'] = [];
    for (const write of writes) {
      const name = writeName(write);
      validateDocumentName(name);
      const before = current(name);
      if (!originals.has(name)) originals.set(name, this.docs.get(name) ?? null);
      checkPrecondition(write, before, name);
      const { after, transformResults, changedPaths } = applyWrite(write, before, name, commitTime);
      staged.set(name, after);
      const mask = masks.get(name) ?? new Set<string>();
      for (const p of changedPaths) mask.add(p);
      masks.set(name, mask);
      writeResults.push({ updateTime: commitTime, transformResults });
    }
    const changes: DocChange[] = [];
    for (const [name, after] of staged) {
      const before = originals.get(name) ?? null;
      if (after) this.docs.set(name, after);
      else this.docs.delete(name);
      const noop = before === null ? after === null : after !== null && fieldsIdentical(before.fields, after.fields);
      if (noop) {
        // No event for a write that changes nothing (the update time still moves on).
        continue;
      }
      changes.push({
        name,
        before,
        after,
        updateMask: before && after ? [...(masks.get(name) ?? [])] : [],
        commitTime,
      });
    }
    if (staged.size > 0) {
      this.generation++;
      this.events.emit('commit', changes, commitTime);
    }
    return { commitTime, writeResults, changes };
  }

  /** Deletes every document of one database (or all when project is undefined). */
  clear(project?: string, database = '(default)'): number {
    let n = 0;
    const prefix = project ? `projects/${project}/databases/${database}/documents/` : '';
    for (const name of [...this.docs.keys()]) {
      if (name.startsWith(prefix)) {
        this.docs.delete(name);
        n++;
      }
    }
    this.generation++;
    this.events.emit('commit', [], this.nextCommitTime());
    return n;
  }

  exportTo(file: string): number {
    const data: ExportFile = {
      version: 1,
      exportedAt: new Date().toISOString(),
      documents: this.all().map((d) => ({
        name: d.name,
        fields: encodeForJson(d.fields),
        createTime: microsToRfc3339(d.createTime),
        updateTime: microsToRfc3339(d.updateTime),
      })),
    };
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file);
    return data.documents.length;
  }

  importFrom(file: string): number {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isExportFile(parsed)) throw new Error(`${file} is not a local Firestore export`);
    this.docs.clear();
    for (const d of parsed.documents) {
      const updateTime = microsFromRfc(d.updateTime);
      this.docs.set(d.name, { name: d.name, fields: decodeFromJson(d.fields), createTime: microsFromRfc(d.createTime), updateTime });
      this.lastCommit = Math.max(this.lastCommit, updateTime);
    }
    this.generation++;
    return this.docs.size;
  }
}

function microsFromRfc(text: string): number {
  const m = /\.(\d+)Z$/.exec(text);
  const seconds = Math.floor(Date.parse(text) / 1000);
  const frac = m ? Number(m[1].padEnd(9, '0').slice(0, 6)) : 0;
  return seconds * 1e6 + frac;
}

function isExportFile(x: unknown): x is ExportFile {
  return (
    typeof x === 'object' &&
    x !== null &&
    (x as { version?: unknown }).version === 1 &&
    Array.isArray((x as { documents?: unknown }).documents)
  );
}

function writeName(write: PbWrite): string {
  switch (write.operation) {
    case 'update':
      return write.update.name;
    case 'delete':
      return write.delete;
    case 'transform':
      return write.transform.document;
    default:
      throw new FirestoreError(status.INVALID_ARGUMENT, 'write has no operation');
  }
}

const DOC_NAME = /^projects\/[^/]+\/databases\/[^/]+\/documents\/[^/]+\/[^/]+(\/[^/]+\/[^/]+)*$/;

export function validateDocumentName(name: string): void {
  if (!DOC_NAME.test(name)) {
    throw new FirestoreError(status.INVALID_ARGUMENT, `invalid document name: ${name}`);
  }
}

function relative(name: string): string {
  return name.replace(/^projects\/[^/]+\/databases\/[^/]+\/documents\//, '');
}

function checkPrecondition(write: PbWrite, before: StoredDoc | null, name: string): void {
  if (!write.has_current_document) return;
  const pre = write.current_document;
  if (pre.condition_type === 'exists') {
    if (pre.exists && !before) {
      throw new FirestoreError(status.NOT_FOUND, `no entity to update: ${relative(name)}`);
    }
    if (!pre.exists && before) {
      throw new FirestoreError(status.ALREADY_EXISTS, `entity already exists: ${relative(name)}`);
    }
  } else if (pre.condition_type === 'update_time') {
    const expected = tsToMicros({ seconds: pre.update_time.seconds, nanos: pre.update_time.nanos });
    if (!before || before.updateTime !== expected) {
      throw new FirestoreError(
        status.FAILED_PRECONDITION,
        `the stored version (${before ? microsToRfc3339(before.updateTime) : 'missing'}) does not match the required base version (${microsToRfc3339(expected)}) for ${relative(name)}`,
      );
    }
  }
}

function applyWrite(
  write: PbWrite,
  before: StoredDoc | null,
  name: string,
  commitTime: number,
): { after: StoredDoc | null; transformResults: Value[]; changedPaths: string[] } {
  const changedPaths: string[] = [];
  if (write.operation === 'delete') {
    return { after: null, transformResults: [], changedPaths };
  }
  let fields: Fields;
  let transforms: PbFieldTransform[];
  if (write.operation === 'update') {
    const incoming = fromPbFields(write.update.fields);
    if (write.has_update_mask) {
      fields = before ? cloneFields(before.fields) : {};
      for (const path of write.update_mask.field_paths) {
        const segments = parseFieldPath(path);
        const v = getField(incoming, segments);
        if (v === undefined) deleteField(fields, segments);
        else setField(fields, segments, v);
        changedPaths.push(path);
      }
    } else {
      fields = incoming;
      const keys = new Set([...Object.keys(incoming), ...Object.keys(before?.fields ?? {})]);
      changedPaths.push(...keys);
    }
    transforms = write.update_transforms;
  } else {
    // legacy standalone transform write
    if (!before) throw new FirestoreError(status.NOT_FOUND, `no entity to update: ${relative(name)}`);
    fields = cloneFields(before.fields);
    transforms = write.transform.field_transforms;
  }
  const transformResults: Value[] = [];
  for (const t of transforms) {
    const segments = parseFieldPath(t.field_path);
    const result = applyTransform(t, getField(fields, segments), commitTime);
    setField(fields, segments, result);
    transformResults.push(result);
    changedPaths.push(t.field_path);
  }
  return {
    after: { name, fields, createTime: before ? before.createTime : commitTime, updateTime: commitTime },
    transformResults,
    changedPaths,
  };
}

function addNumbers(a: Value, b: Value): Value {
  if ('integerValue' in a && 'integerValue' in b) {
    const max = 2n ** 63n - 1n;
    const min = -(2n ** 63n);
    let sum = BigInt(a.integerValue) + BigInt(b.integerValue);
    if (sum > max) sum = max;
    if (sum < min) sum = min;
    return { integerValue: sum.toString() };
  }
  const x = 'integerValue' in a ? Number(a.integerValue) : 'doubleValue' in a ? a.doubleValue : 0;
  const y = 'integerValue' in b ? Number(b.integerValue) : 'doubleValue' in b ? b.doubleValue : 0;
  return { doubleValue: x + y };
}

function applyTransform(t: PbFieldTransform, current: Value | undefined, commitTime: number): Value {
  switch (t.transform_type) {
    case 'set_to_server_value':
      return { timestampValue: microsToRfc3339(commitTime) };
    case 'increment': {
      const operand = fromPbValue(t.increment);
      if (!isNumber(operand)) throw new FirestoreError(status.INVALID_ARGUMENT, 'increment operand must be a number');
      return current && isNumber(current) ? addNumbers(current, operand) : operand;
    }
    case 'maximum':
    case 'minimum': {
      const operand = fromPbValue(t.transform_type === 'maximum' ? t.maximum : t.minimum);
      if (!current || !isNumber(current)) return operand;
      const c = compareValues(current, operand);
      if (t.transform_type === 'maximum') return c >= 0 ? current : operand;
      return c <= 0 ? current : operand;
    }
    case 'append_missing_elements': {
      const existing = current && 'arrayValue' in current ? [...current.arrayValue.values] : [];
      for (const el of t.append_missing_elements.values.map(fromPbValue)) {
        if (!existing.some((e) => valuesEqual(e, el) || compareValues(e, el) === 0)) existing.push(el);
      }
      return { arrayValue: { values: existing } };
    }
    case 'remove_all_from_array': {
      const remove = t.remove_all_from_array.values.map(fromPbValue);
      const existing = current && 'arrayValue' in current ? current.arrayValue.values : [];
      return { arrayValue: { values: existing.filter((e) => !remove.some((r) => compareValues(e, r) === 0)) } };
    }
    default:
      throw new FirestoreError(status.INVALID_ARGUMENT, `unsupported transform ${t.transform_type}`);
  }
}
