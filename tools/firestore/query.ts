/**
 * Structured queries over the local store: collection and collection-group selectors,
 * field / unary / composite (AND, OR) filters, Firestore value ordering with the implicit
 * inequality and `__name__` orders, cursors, offset, limit, projections, aggregations.
 */
import type {
  Cursor as PbCursor,
  StructuredAggregationQuery as PbAggregationQuery,
  StructuredQuery as PbStructuredQuery,
  StructuredQueryFilter as PbFilter,
} from '@firestore-emulator/proto/dist/google/firestore/v1/query';
import {
  StructuredQueryCompositeFilterOperator as CompositeOp,
  StructuredQueryDirection as Direction,
  StructuredQueryFieldFilterOperator as FieldOp,
  StructuredQueryUnaryFilterOperator as UnaryOp,
} from '@firestore-emulator/proto/dist/google/firestore/v1/query';
import { status } from '@grpc/grpc-js';

import { FirestoreError, type Store } from './store';
import {
  compareNames,
  compareValues,
  fromPbValue,
  getField,
  isNaNValue,
  isNumber,
  numberOf,
  parseFieldPath,
  projectFields,
  valuesEqual,
  type StoredDoc,
  type Value,
} from './values';

interface Order {
  path: string;
  segments: string[];
  descending: boolean;
}

function isName(path: string): boolean {
  return path === '__name__';
}

function fieldValue(doc: StoredDoc, segments: string[], path: string): Value | undefined {
  if (isName(path)) return { referenceValue: doc.name };
  return getField(doc.fields, segments);
}

/** Documents selected by the `from` clause below `parent`. */
function candidates(store: Store, parent: string, query: PbStructuredQuery): StoredDoc[] {
  if (query.from.length !== 1) throw new FirestoreError(status.INVALID_ARGUMENT, 'query needs exactly one collection');
  const { collection_id: collectionId, all_descendants: allDescendants } = query.from[0];
  const out: StoredDoc[] = [];
  for (const doc of store.under(parent)) {
    const rest = doc.name.slice(parent.length + 1).split('/');
    if (allDescendants) {
      if (collectionId === '' || rest[rest.length - 2] === collectionId) out.push(doc);
    } else if (rest.length === 2 && rest[0] === collectionId) {
      out.push(doc);
    }
  }
  return out;
}

function sameTypeClass(a: Value, b: Value): boolean {
  if (isNumber(a) && isNumber(b)) return true;
  const key = (v: Value): string => Object.keys(v)[0];
  return key(a) === key(b);
}

function matchesFilter(doc: StoredDoc, filter: PbFilter): boolean {
  switch (filter.filter_type) {
    case 'composite_filter': {
      const { op, filters } = filter.composite_filter;
      if (op === CompositeOp.OR) return filters.some((f) => matchesFilter(doc, f));
      return filters.every((f) => matchesFilter(doc, f));
    }
    case 'unary_filter': {
      const path = filter.unary_filter.field.field_path;
      const v = fieldValue(doc, parseFieldPath(path), path);
      if (v === undefined) return false;
      switch (filter.unary_filter.op) {
        case UnaryOp.IS_NAN:
          return isNaNValue(v);
        case UnaryOp.IS_NOT_NAN:
          return !isNaNValue(v) && !('nullValue' in v);
        case UnaryOp.IS_NULL:
          return 'nullValue' in v;
        case UnaryOp.IS_NOT_NULL:
          return !('nullValue' in v);
        default:
          throw new FirestoreError(status.INVALID_ARGUMENT, 'unary filter without operator');
      }
    }
    case 'field_filter': {
      const { field, op } = filter.field_filter;
      const v = fieldValue(doc, parseFieldPath(field.field_path), field.field_path);
      if (v === undefined) return false;
      const operand = fromPbValue(filter.field_filter.value);
      const list = 'arrayValue' in operand ? operand.arrayValue.values : [];
      switch (op) {
        case FieldOp.EQUAL:
          return valuesEqual(v, operand);
        case FieldOp.NOT_EQUAL:
          return !('nullValue' in v) && !valuesEqual(v, operand);
        case FieldOp.LESS_THAN:
          return sameTypeClass(v, operand) && !isNaNValue(v) && compareValues(v, operand) < 0;
        case FieldOp.LESS_THAN_OR_EQUAL:
          return sameTypeClass(v, operand) && !isNaNValue(v) && compareValues(v, operand) <= 0;
        case FieldOp.GREATER_THAN:
          return sameTypeClass(v, operand) && !isNaNValue(v) && compareValues(v, operand) > 0;
        case FieldOp.GREATER_THAN_OR_EQUAL:
          return sameTypeClass(v, operand) && !isNaNValue(v) && compareValues(v, operand) >= 0;
        case FieldOp.ARRAY_CONTAINS:
          return 'arrayValue' in v && v.arrayValue.values.some((e) => valuesEqual(e, operand));
        case FieldOp.ARRAY_CONTAINS_ANY:
          return 'arrayValue' in v && v.arrayValue.values.some((e) => list.some((x) => valuesEqual(e, x)));
        case FieldOp.IN:
          return list.some((x) => valuesEqual(v, x));
        case FieldOp.NOT_IN:
          return !('nullValue' in v) && !list.some((x) => valuesEqual(v, x));
        default:
          throw new FirestoreError(status.INVALID_ARGUMENT, 'field filter without operator');
      }
    }
    default:
      return true;
  }
}

const INEQUALITY = new Set<FieldOp>([
  FieldOp.LESS_THAN,
  FieldOp.LESS_THAN_OR_EQUAL,
  FieldOp.GREATER_THAN,
  FieldOp.GREATER_THAN_OR_EQUAL,
  FieldOp.NOT_EQUAL,
  FieldOp.NOT_IN,
]);

function inequalityFields(filter: PbFilter, out: Set<string>): void {
  if (filter.filter_type === 'composite_filter') {
    for (const f of filter.composite_filter.filters) inequalityFields(f, out);
  } else if (filter.filter_type === 'field_filter' && INEQUALITY.has(filter.field_filter.op)) {
    out.add(filter.field_filter.field.field_path);
  } else if (
    filter.filter_type === 'unary_filter' &&
    (filter.unary_filter.op === UnaryOp.IS_NOT_NAN || filter.unary_filter.op === UnaryOp.IS_NOT_NULL)
  ) {
    out.add(filter.unary_filter.field.field_path);
  }
}

function effectiveOrders(query: PbStructuredQuery): Order[] {
  const orders: Order[] = query.order_by.map((o) => ({
    path: o.field.field_path,
    segments: parseFieldPath(o.field.field_path),
    descending: o.direction === Direction.DESCENDING,
  }));
  if (orders.length === 0 && query.has_where) {
    const fields = new Set<string>();
    inequalityFields(query.where, fields);
    for (const path of [...fields].sort()) {
      if (!isName(path)) orders.push({ path, segments: parseFieldPath(path), descending: false });
    }
  }
  if (!orders.some((o) => isName(o.path))) {
    const last = orders[orders.length - 1];
    orders.push({ path: '__name__', segments: ['__name__'], descending: last ? last.descending : false });
  }
  return orders;
}

function compareDocs(a: StoredDoc, b: StoredDoc, orders: Order[]): number {
  for (const o of orders) {
    let c: number;
    if (isName(o.path)) c = compareNames(a.name, b.name);
    else {
      const x = getField(a.fields, o.segments);
      const y = getField(b.fields, o.segments);
      c = x && y ? compareValues(x, y) : 0;
    }
    if (c !== 0) return o.descending ? -c : c;
  }
  return 0;
}

/** Compares a document with a cursor position; <0 when the doc sorts before the cursor. */
function compareToCursor(doc: StoredDoc, cursor: PbCursor, orders: Order[], parent: string): number {
  const values = cursor.values.map(fromPbValue);
  for (let i = 0; i < values.length && i < orders.length; i++) {
    const o = orders[i];
    let c: number;
    if (isName(o.path)) {
      const v = values[i];
      let ref = 'referenceValue' in v ? v.referenceValue : 'stringValue' in v ? v.stringValue : '';
      if (!ref.startsWith('projects/')) ref = `${parent}/${ref}`;
      c = compareNames(doc.name, ref);
    } else {
      const x = getField(doc.fields, o.segments);
      c = x ? compareValues(x, values[i]) : -1;
    }
    if (c !== 0) return o.descending ? -c : c;
  }
  return 0;
}

export function runQuery(store: Store, parent: string, query: PbStructuredQuery): StoredDoc[] {
  if (query.has_find_nearest) throw new FirestoreError(status.UNIMPLEMENTED, 'vector queries are not supported locally');
  const orders = effectiveOrders(query);
  let docs = candidates(store, parent, query);
  if (query.has_where) docs = docs.filter((d) => matchesFilter(d, query.where));
  // ordering on a field implies that the field exists
  docs = docs.filter((d) => orders.every((o) => isName(o.path) || getField(d.fields, o.segments) !== undefined));
  docs.sort((a, b) => compareDocs(a, b, orders));
  if (query.has_start_at) {
    const c = query.start_at;
    docs = docs.filter((d) => {
      const r = compareToCursor(d, c, orders, parent);
      return c.before ? r >= 0 : r > 0;
    });
  }
  if (query.has_end_at) {
    const c = query.end_at;
    docs = docs.filter((d) => {
      const r = compareToCursor(d, c, orders, parent);
      return c.before ? r < 0 : r <= 0;
    });
  }
  if (query.offset > 0) docs = docs.slice(query.offset);
  if (query.has_limit) docs = docs.slice(0, query.limit.value);
  if (query.has_select && query.select.fields.length > 0) {
    const mask = query.select.fields.map((f) => parseFieldPath(f.field_path));
    docs = docs.map((d) => ({ ...d, fields: projectFields(d.fields, mask) }));
  }
  return docs;
}

export function runAggregation(
  store: Store,
  parent: string,
  aggregation: PbAggregationQuery,
): { docs: StoredDoc[]; fields: Record<string, Value> } {
  const docs = runQuery(store, parent, aggregation.structured_query);
  const fields: Record<string, Value> = {};
  for (const agg of aggregation.aggregations) {
    switch (agg.operator) {
      case 'count': {
        const upTo = agg.count.has_up_to ? agg.count.up_to.value : Infinity;
        fields[agg.alias] = { integerValue: String(Math.min(docs.length, upTo)) };
        break;
      }
      case 'sum': {
        const segments = parseFieldPath(agg.sum.field.field_path);
        let intSum = 0n;
        let doubleSum = 0;
        let isDouble = false;
        for (const d of docs) {
          const v = getField(d.fields, segments);
          if (!v || !isNumber(v)) continue;
          if ('integerValue' in v) intSum += BigInt(v.integerValue);
          else {
            isDouble = true;
            doubleSum += v.doubleValue;
          }
        }
        fields[agg.alias] = isDouble ? { doubleValue: doubleSum + Number(intSum) } : { integerValue: intSum.toString() };
        break;
      }
      case 'avg': {
        const segments = parseFieldPath(agg.avg.field.field_path);
        let sum = 0;
        let n = 0;
        for (const d of docs) {
          const v = getField(d.fields, segments);
          if (!v || !isNumber(v)) continue;
          sum += numberOf(v);
          n++;
        }
        fields[agg.alias] = n === 0 ? { nullValue: null } : { doubleValue: sum / n };
        break;
      }
      default:
        throw new FirestoreError(status.INVALID_ARGUMENT, 'aggregation without operator');
    }
  }
  return { docs, fields };
}
