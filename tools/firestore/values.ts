/**
 * Firestore values for the local Firestore: an internal representation identical to the
 * Firestore REST/JSON form (`{stringValue: 'x'}`, `{integerValue: '3'}`, …) so that it can
 * be exported to JSON as is, plus conversion from/to the gRPC protobuf classes, the
 * Firestore ordering of values, and field-path helpers.
 */
import {
  Document as PbDocument,
  Value as PbValue,
} from '@firestore-emulator/proto/dist/google/firestore/v1/document';

export type Value =
  | { nullValue: null }
  | { booleanValue: boolean }
  | { integerValue: string }
  | { doubleValue: number }
  | { timestampValue: string }
  | { stringValue: string }
  | { bytesValue: string }
  | { referenceValue: string }
  | { geoPointValue: { latitude: number; longitude: number } }
  | { arrayValue: { values: Value[] } }
  | { mapValue: { fields: Fields } };

export type Fields = Record<string, Value>;

/** A stored document. Times are microseconds since the epoch (unique per commit). */
export interface StoredDoc {
  name: string;
  fields: Fields;
  createTime: number;
  updateTime: number;
}

export type PbValueObject = ReturnType<PbValue['toObject']>;
export type PbDocumentObject = ReturnType<PbDocument['toObject']>;
export interface PbTimestampObject {
  seconds?: number;
  nanos?: number;
}

// ---------------------------------------------------------------------------------------
// Timestamps

export interface Ts {
  seconds: number;
  nanos: number;
}

export function microsToTs(micros: number): Ts {
  const seconds = Math.floor(micros / 1e6);
  return { seconds, nanos: (micros - seconds * 1e6) * 1000 };
}

export function tsToMicros(ts: PbTimestampObject | undefined): number {
  return (ts?.seconds ?? 0) * 1e6 + Math.floor((ts?.nanos ?? 0) / 1000);
}

export function tsToRfc3339(ts: Ts): string {
  const base = new Date(ts.seconds * 1000).toISOString().slice(0, 19);
  return `${base}.${String(ts.nanos).padStart(9, '0')}Z`;
}

export function microsToRfc3339(micros: number): string {
  return tsToRfc3339(microsToTs(micros));
}

const RFC3339 = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/;

export function rfc3339ToTs(text: string): Ts {
  const m = RFC3339.exec(text);
  if (!m) {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) throw new Error(`invalid timestamp ${text}`);
    return microsToTs(ms * 1000);
  }
  const seconds = Math.floor(Date.parse(`${m[1]}${m[3]}`) / 1000);
  const nanos = m[2] ? Number(m[2].padEnd(9, '0')) : 0;
  return { seconds, nanos };
}

// ---------------------------------------------------------------------------------------
// Protobuf conversion

export function fromPbValue(v: PbValue): Value {
  switch (v.value_type) {
    case 'null_value':
    case 'none':
      return { nullValue: null };
    case 'boolean_value':
      return { booleanValue: v.boolean_value };
    case 'integer_value':
      return { integerValue: String(v.integer_value) };
    case 'double_value':
      return { doubleValue: v.double_value };
    case 'timestamp_value':
      return {
        timestampValue: tsToRfc3339({ seconds: v.timestamp_value.seconds, nanos: v.timestamp_value.nanos }),
      };
    case 'string_value':
      return { stringValue: v.string_value };
    case 'bytes_value':
      return { bytesValue: Buffer.from(v.bytes_value).toString('base64') };
    case 'reference_value':
      return { referenceValue: v.reference_value };
    case 'geo_point_value':
      return { geoPointValue: { latitude: v.geo_point_value.latitude, longitude: v.geo_point_value.longitude } };
    case 'array_value':
      return { arrayValue: { values: v.array_value.values.map(fromPbValue) } };
    case 'map_value':
      return { mapValue: { fields: fromPbFields(v.map_value.fields) } };
  }
}

export function fromPbFields(map: Map<string, PbValue>): Fields {
  const out: Fields = {};
  for (const [k, v] of map) out[k] = fromPbValue(v);
  return out;
}

export function toPbValueObject(v: Value): PbValueObject {
  if ('nullValue' in v) return { null_value: 0 };
  if ('booleanValue' in v) return { boolean_value: v.booleanValue };
  if ('integerValue' in v) return { integer_value: Number(v.integerValue) };
  if ('doubleValue' in v) return { double_value: v.doubleValue };
  if ('timestampValue' in v) return { timestamp_value: rfc3339ToTs(v.timestampValue) };
  if ('stringValue' in v) return { string_value: v.stringValue };
  if ('bytesValue' in v) return { bytes_value: new Uint8Array(Buffer.from(v.bytesValue, 'base64')) };
  if ('referenceValue' in v) return { reference_value: v.referenceValue };
  if ('geoPointValue' in v) return { geo_point_value: { ...v.geoPointValue } };
  if ('arrayValue' in v) return { array_value: { values: v.arrayValue.values.map(toPbValueObject) } };
  return { map_value: { fields: toPbFieldsObject(v.mapValue.fields) } };
}

export function toPbFieldsObject(fields: Fields): Record<string, PbValueObject> {
  const out: Record<string, PbValueObject> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = toPbValueObject(v);
  return out;
}

export function toPbDocumentObject(doc: StoredDoc, mask?: string[][]): PbDocumentObject {
  return {
    name: doc.name,
    fields: toPbFieldsObject(mask ? projectFields(doc.fields, mask) : doc.fields),
    create_time: microsToTs(doc.createTime),
    update_time: microsToTs(doc.updateTime),
  };
}

export function toPbDocument(doc: StoredDoc, mask?: string[][]): PbDocument {
  return PbDocument.fromObject(toPbDocumentObject(doc, mask));
}

// ---------------------------------------------------------------------------------------
// Ordering (https://firebase.google.com/docs/firestore/manage-data/data-types#value_type_ordering)

function typeOrder(v: Value): number {
  if ('nullValue' in v) return 0;
  if ('booleanValue' in v) return 1;
  if ('integerValue' in v || 'doubleValue' in v) return 2;
  if ('timestampValue' in v) return 3;
  if ('stringValue' in v) return 4;
  if ('bytesValue' in v) return 5;
  if ('referenceValue' in v) return 6;
  if ('geoPointValue' in v) return 7;
  if ('arrayValue' in v) return 8;
  return 9;
}

export function isNumber(v: Value): v is { integerValue: string } | { doubleValue: number } {
  return 'integerValue' in v || 'doubleValue' in v;
}

export function numberOf(v: { integerValue: string } | { doubleValue: number }): number {
  return 'integerValue' in v ? Number(v.integerValue) : v.doubleValue;
}

export function isNaNValue(v: Value): boolean {
  return 'doubleValue' in v && Number.isNaN(v.doubleValue);
}

function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function compareNumbers(a: { integerValue: string } | { doubleValue: number }, b: { integerValue: string } | { doubleValue: number }): number {
  if ('integerValue' in a && 'integerValue' in b) {
    const x = BigInt(a.integerValue);
    const y = BigInt(b.integerValue);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = numberOf(a);
  const y = numberOf(b);
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
  if (Number.isNaN(y)) return 1;
  return cmp(x, y);
}

export function compareTimestamps(a: string, b: string): number {
  const x = rfc3339ToTs(a);
  const y = rfc3339ToTs(b);
  return cmp(x.seconds, y.seconds) || cmp(x.nanos, y.nanos);
}

/** Compares document/reference names segment by segment. */
export function compareNames(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = compareStrings(x[i], y[i]);
    if (c !== 0) return c;
  }
  return cmp(x.length, y.length);
}

export function compareValues(a: Value, b: Value): number {
  const ta = typeOrder(a);
  const tb = typeOrder(b);
  if (ta !== tb) return cmp(ta, tb);
  if ('nullValue' in a) return 0;
  if ('booleanValue' in a && 'booleanValue' in b) return cmp(Number(a.booleanValue), Number(b.booleanValue));
  if (isNumber(a) && isNumber(b)) return compareNumbers(a, b);
  if ('timestampValue' in a && 'timestampValue' in b) return compareTimestamps(a.timestampValue, b.timestampValue);
  if ('stringValue' in a && 'stringValue' in b) return compareStrings(a.stringValue, b.stringValue);
  if ('bytesValue' in a && 'bytesValue' in b) {
    return Buffer.compare(Buffer.from(a.bytesValue, 'base64'), Buffer.from(b.bytesValue, 'base64'));
  }
  if ('referenceValue' in a && 'referenceValue' in b) return compareNames(a.referenceValue, b.referenceValue);
  if ('geoPointValue' in a && 'geoPointValue' in b) {
    return (
      cmp(a.geoPointValue.latitude, b.geoPointValue.latitude) ||
      cmp(a.geoPointValue.longitude, b.geoPointValue.longitude)
    );
  }
  if ('arrayValue' in a && 'arrayValue' in b) {
    const x = a.arrayValue.values;
    const y = b.arrayValue.values;
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const c = compareValues(x[i], y[i]);
      if (c !== 0) return c;
    }
    return cmp(x.length, y.length);
  }
  if ('mapValue' in a && 'mapValue' in b) {
    const xk = Object.keys(a.mapValue.fields).sort(compareStrings);
    const yk = Object.keys(b.mapValue.fields).sort(compareStrings);
    for (let i = 0; i < Math.min(xk.length, yk.length); i++) {
      const c = compareStrings(xk[i], yk[i]) || compareValues(a.mapValue.fields[xk[i]], b.mapValue.fields[yk[i]]);
      if (c !== 0) return c;
    }
    return cmp(xk.length, yk.length);
  }
  return 0;
}

/** Query equality: numbers compare by value across integer/double; NaN equals nothing. */
export function valuesEqual(a: Value, b: Value): boolean {
  if (isNaNValue(a) || isNaNValue(b)) return false;
  return compareValues(a, b) === 0;
}

/** Strict structural equality (used to detect no-op writes). */
export function fieldsIdentical(a: Fields, b: Fields): boolean {
  return JSON.stringify(sortKeysDeep(a)) === JSON.stringify(sortKeysDeep(b));
}

function sortKeysDeep(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sortKeysDeep);
  if (x !== null && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x).sort()) out[k] = sortKeysDeep((x as Record<string, unknown>)[k]);
    return out;
  }
  if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
  return x;
}

// ---------------------------------------------------------------------------------------
// Field paths

/** Parses `a.b`, `` a.`b.c` `` … into segments. */
export function parseFieldPath(path: string): string[] {
  const segments: string[] = [];
  let current = '';
  let inBackticks = false;
  let quoted = false;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (inBackticks) {
      if (c === '\\' && i + 1 < path.length) {
        current += path[++i];
      } else if (c === '`') {
        inBackticks = false;
      } else {
        current += c;
      }
    } else if (c === '`') {
      inBackticks = true;
      quoted = true;
    } else if (c === '.') {
      segments.push(current);
      current = '';
      quoted = false;
    } else {
      current += c;
    }
  }
  if (current !== '' || quoted || segments.length > 0) segments.push(current);
  return segments;
}

export function getField(fields: Fields, segments: string[]): Value | undefined {
  let current: Fields = fields;
  for (let i = 0; i < segments.length; i++) {
    const v = current[segments[i]];
    if (v === undefined) return undefined;
    if (i === segments.length - 1) return v;
    if (!('mapValue' in v)) return undefined;
    current = v.mapValue.fields;
  }
  return undefined;
}

/** Sets a value at a path, creating (or replacing non-map values by) maps on the way. Mutates. */
export function setField(fields: Fields, segments: string[], value: Value): void {
  let current: Fields = fields;
  for (let i = 0; i < segments.length - 1; i++) {
    const v = current[segments[i]];
    if (v !== undefined && 'mapValue' in v) {
      const copy: Fields = { ...v.mapValue.fields };
      current[segments[i]] = { mapValue: { fields: copy } };
      current = copy;
    } else {
      const created: Fields = {};
      current[segments[i]] = { mapValue: { fields: created } };
      current = created;
    }
  }
  current[segments[segments.length - 1]] = value;
}

/** Deletes the value at a path if present. Mutates. */
export function deleteField(fields: Fields, segments: string[]): void {
  let current: Fields = fields;
  for (let i = 0; i < segments.length - 1; i++) {
    const v = current[segments[i]];
    if (v === undefined || !('mapValue' in v)) return;
    const copy: Fields = { ...v.mapValue.fields };
    current[segments[i]] = { mapValue: { fields: copy } };
    current = copy;
  }
  delete current[segments[segments.length - 1]];
}

/** Keeps only the given field paths (a read mask / projection). */
export function projectFields(fields: Fields, mask: string[][]): Fields {
  const out: Fields = {};
  for (const segments of mask) {
    if (segments.length === 1 && segments[0] === '__name__') continue;
    const v = getField(fields, segments);
    if (v !== undefined) setField(out, segments, v);
  }
  return out;
}

export function cloneFields(fields: Fields): Fields {
  return structuredClone(fields);
}

// ---------------------------------------------------------------------------------------
// JSON persistence: non-finite doubles are written as strings (as Firestore REST does).

export function encodeForJson(fields: Fields): unknown {
  return JSON.parse(
    JSON.stringify(fields, (_key, value: unknown) =>
      typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
    ),
  );
}

export function decodeFromJson(json: unknown): Fields {
  const revive = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(revive);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        out[k] = k === 'doubleValue' && typeof x === 'string' ? Number(x) : revive(x);
      }
      return out;
    }
    return v;
  };
  return revive(json) as Fields;
}
