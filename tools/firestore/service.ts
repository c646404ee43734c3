/**
 * The gRPC Firestore service of the local Firestore: a subclass of the service class of
 * `@firestore-emulator/server` (which provides the service definition and protobuf
 * plumbing) whose methods all work on our own Store, adding what the base lacks:
 *
 * - real transactions: fresh ids; reads under a transaction record each document's update
 *   time and take a per-document lock (waiting for other read-write transactions holding
 *   it, like Firestore's pessimistic locking, up to LOCK_WAIT_MS); Commit fails with
 *   ABORTED when a read document changed meanwhile; all preconditions of a commit are
 *   checked before any write is applied;
 * - `set` replacing the document, field deletes, nested field paths, all transforms;
 * - queries with cursors/offset/collection groups/OR (see query.ts), aggregations;
 * - BatchWrite, ListDocuments, ListCollectionIds, GetDocument, incremental Listen.
 *
 * Every committed change is handed to `onChanges` (trigger delivery) before the RPC answers.
 */
import { randomBytes } from 'node:crypto';

import { FirestoreState } from '@firestore-emulator/server';
import { FirestoreServiceV1Impl } from '@firestore-emulator/server/dist/server/FirestoreServiceV1Impl';
import { Document as PbDocument } from '@firestore-emulator/proto/dist/google/firestore/v1/document';
import {
  BatchGetDocumentsRequest,
  BatchGetDocumentsResponse,
  BatchWriteRequest,
  BatchWriteResponse,
  BeginTransactionRequest,
  BeginTransactionResponse,
  CommitRequest,
  CommitResponse,
  CreateDocumentRequest,
  DeleteDocumentRequest,
  GetDocumentRequest,
  ListCollectionIdsRequest,
  ListCollectionIdsResponse,
  ListDocumentsRequest,
  ListDocumentsResponse,
  ListenRequest,
  ListenResponse,
  PartitionQueryRequest,
  PartitionQueryResponse,
  RollbackRequest,
  RunAggregationQueryRequest,
  RunAggregationQueryResponse,
  RunQueryRequest,
  RunQueryResponse,
  TargetChangeTargetChangeType,
  UpdateDocumentRequest,
  WriteRequest,
  WriteResponse,
} from '@firestore-emulator/proto/dist/google/firestore/v1/firestore';
import type { StructuredQuery } from '@firestore-emulator/proto/dist/google/firestore/v1/query';
import type { TransactionOptions } from '@firestore-emulator/proto/dist/google/firestore/v1/common';
import { Empty } from '@firestore-emulator/proto/dist/google/protobuf/empty';
import {
  status,
  type sendUnaryData,
  type ServerDuplexStream,
  type ServerErrorResponse,
  type ServerUnaryCall,
  type ServerWritableStream,
} from '@grpc/grpc-js';

import { runAggregation, runQuery } from './query';
import { FirestoreError, type DocChange, type Store } from './store';
import {
  compareNames,
  microsToTs,
  parseFieldPath,
  toPbDocumentObject,
  toPbValueObject,
  type StoredDoc,
} from './values';

const LOCK_WAIT_MS = 5000;
const TX_IDLE_EXPIRY_MS = 270_000;

interface Tx {
  key: string;
  id: Buffer;
  readOnly: boolean;
  /** document name → update time seen (0 = missing) */
  reads: Map<string, number>;
  locks: Set<string>;
  lastActive: number;
}

interface Lock {
  holder: string;
  waiters: (() => void)[];
}

export interface ServiceStats {
  transactions: { begun: number; committed: number; aborted: number; rolledBack: number; active: number };
  commits: number;
}

/** Ends a server stream with an error status (grpc-js turns an 'error' event into the status). */
function failStream(call: { emit(event: 'error', err: Error): boolean }, err: unknown): void {
  call.emit('error', Object.assign(new Error(toServiceError(err).message), toServiceError(err)));
}

export function newServiceStats(): ServiceStats {
  return { transactions: { begun: 0, committed: 0, aborted: 0, rolledBack: 0, active: 0 }, commits: 0 };
}

function toServiceError(err: unknown): Partial<ServerErrorResponse> {
  if (err instanceof FirestoreError) return { code: err.code, details: err.message, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  console.error('[local-firestore] internal error:', err);
  return { code: status.INTERNAL, details: message, message };
}

export class LocalFirestoreService extends FirestoreServiceV1Impl {
  // ES private fields: the base class's index signature admits only handlers as members.
  readonly #txs = new Map<string, Tx>();
  readonly #locks = new Map<string, Lock>();
  readonly #stats: ServiceStats;
  readonly #store: Store;
  readonly #onChanges: (changes: DocChange[]) => void;

  constructor(store: Store, onChanges: (changes: DocChange[]) => void, stats: ServiceStats = newServiceStats()) {
    // The base keeps its own state object; we never use it (all methods are overridden).
    super(new FirestoreState());
    this.#store = store;
    this.#onChanges = onChanges;
    this.#stats = stats;
  }

  // ----------------------------------------------------------------------------- transactions

  #beginTx(options: TransactionOptions | undefined): Tx {
    this.#expireIdle();
    const id = randomBytes(16);
    const tx: Tx = {
      key: id.toString('hex'),
      id,
      readOnly: options?.mode === 'read_only',
      reads: new Map(),
      locks: new Set(),
      lastActive: Date.now(),
    };
    this.#txs.set(tx.key, tx);
    this.#stats.transactions.begun++;
    this.#stats.transactions.active = this.#txs.size;
    return tx;
  }

  #getTx(id: Uint8Array): Tx {
    const tx = this.#txs.get(Buffer.from(id).toString('hex'));
    if (!tx) throw new FirestoreError(status.INVALID_ARGUMENT, 'transaction has expired or is unknown');
    tx.lastActive = Date.now();
    return tx;
  }

  #endTx(tx: Tx): void {
    this.#txs.delete(tx.key);
    for (const name of tx.locks) this.#releaseLock(name, tx.key);
    tx.locks.clear();
    this.#stats.transactions.active = this.#txs.size;
  }

  #expireIdle(): void {
    const now = Date.now();
    for (const tx of this.#txs.values()) if (now - tx.lastActive > TX_IDLE_EXPIRY_MS) this.#endTx(tx);
  }

  #releaseLock(name: string, holder: string): void {
    const lock = this.#locks.get(name);
    if (!lock || lock.holder !== holder) return;
    const next = lock.waiters.shift();
    if (next) {
      lock.holder = '';
      next();
    } else {
      this.#locks.delete(name);
    }
  }

  /** Takes the per-document locks of a read-write transaction (FIFO; gives up after a while). */
  async #lockAll(tx: Tx, names: string[]): Promise<void> {
    if (tx.readOnly) return;
    for (const name of [...new Set(names)].sort(compareNames)) {
      if (tx.locks.has(name)) continue;
      const lock = this.#locks.get(name);
      if (lock?.holder === tx.key) {
        tx.locks.add(name);
        continue;
      }
      if (!lock) {
        this.#locks.set(name, { holder: tx.key, waiters: [] });
        tx.locks.add(name);
        continue;
      }
      const acquired = await new Promise<boolean>((resolve) => {
        const waiter = (): void => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          const i = lock.waiters.indexOf(waiter);
          if (i >= 0) lock.waiters.splice(i, 1);
          resolve(false);
        }, LOCK_WAIT_MS);
        lock.waiters.push(waiter);
      });
      if (acquired && this.#txs.has(tx.key)) {
        lock.holder = tx.key;
        tx.locks.add(name);
      } else if (acquired) {
        // the transaction ended while waiting: pass the lock on
        lock.holder = tx.key;
        this.#releaseLock(name, tx.key);
      }
    }
  }

  #recordReads(tx: Tx | undefined, names: string[]): void {
    if (!tx || tx.readOnly) return;
    for (const name of names) {
      if (!tx.reads.has(name)) tx.reads.set(name, this.#store.get(name)?.updateTime ?? 0);
    }
  }

  /** Resolves the transaction of a read: an existing one, a new one, or none. */
  #readTx(req: {
    consistency_selector: string;
    transaction: Uint8Array;
    new_transaction: TransactionOptions;
  }): { tx: Tx | undefined; isNew: boolean } {
    if (req.consistency_selector === 'transaction') return { tx: this.#getTx(req.transaction), isNew: false };
    if (req.consistency_selector === 'new_transaction') return { tx: this.#beginTx(req.new_transaction), isNew: true };
    return { tx: undefined, isNew: false };
  }

  // ----------------------------------------------------------------------------- reads

  override BatchGetDocuments(call: ServerWritableStream<BatchGetDocumentsRequest, BatchGetDocumentsResponse>): void {
    void (async () => {
      try {
        const req = call.request;
        const { tx, isNew } = this.#readTx(req);
        if (tx) await this.#lockAll(tx, req.documents);
        this.#recordReads(tx, req.documents);
        const mask = req.has_mask ? req.mask.field_paths.map(parseFieldPath) : undefined;
        const readTime = microsToTs(Date.now() * 1000);
        let first = true;
        for (const name of req.documents) {
          const doc = this.#store.get(name);
          call.write(
            BatchGetDocumentsResponse.fromObject({
              ...(doc ? { found: toPbDocumentObject(doc, mask) } : { missing: name }),
              read_time: readTime,
              ...(isNew && tx && first ? { transaction: tx.id } : {}),
            }),
          );
          first = false;
        }
        if (isNew && tx && req.documents.length === 0) {
          call.write(BatchGetDocumentsResponse.fromObject({ transaction: tx.id }));
        }
        call.end();
      } catch (err) {
        failStream(call, err);
      }
    })();
  }

  override GetDocument(call: ServerUnaryCall<GetDocumentRequest, PbDocument>, callback: sendUnaryData<PbDocument>): void {
    const req = call.request;
    const doc = this.#store.get(req.name);
    if (!doc) {
      callback({ code: status.NOT_FOUND, details: `Document ${req.name} not found` });
      return;
    }
    const mask = req.has_mask ? req.mask.field_paths.map(parseFieldPath) : undefined;
    callback(null, PbDocument.fromObject(toPbDocumentObject(doc, mask)));
  }

  override RunQuery(call: ServerWritableStream<RunQueryRequest, RunQueryResponse>): void {
    void (async () => {
      try {
        const req = call.request;
        const { tx, isNew } = this.#readTx(req);
        let docs = runQuery(this.#store, req.parent, req.structured_query);
        if (tx && !tx.readOnly) {
          await this.#lockAll(
            tx,
            docs.map((d) => d.name),
          );
          docs = runQuery(this.#store, req.parent, req.structured_query);
          this.#recordReads(
            tx,
            docs.map((d) => d.name),
          );
        }
        const readTime = microsToTs(Date.now() * 1000);
        const txField = isNew && tx ? { transaction: tx.id } : {};
        if (docs.length === 0) {
          call.write(RunQueryResponse.fromObject({ read_time: readTime, done: true, ...txField }));
        }
        docs.forEach((doc, i) => {
          call.write(
            RunQueryResponse.fromObject({
              document: toPbDocumentObject(doc),
              read_time: readTime,
              ...(i === 0 ? txField : {}),
              ...(i === docs.length - 1 ? { done: true } : {}),
            }),
          );
        });
        call.end();
      } catch (err) {
        failStream(call, err);
      }
    })();
  }

  override RunAggregationQuery(call: ServerWritableStream<RunAggregationQueryRequest, RunAggregationQueryResponse>): void {
    try {
      const req = call.request;
      const { tx, isNew } = this.#readTx(req);
      const { docs, fields } = runAggregation(this.#store, req.parent, req.structured_aggregation_query);
      this.#recordReads(
        tx,
        docs.map((d) => d.name),
      );
      const aggregateFields = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, toPbValueObject(v)]));
      call.write(
        RunAggregationQueryResponse.fromObject({
          result: { aggregate_fields: aggregateFields },
          read_time: microsToTs(Date.now() * 1000),
          ...(isNew && tx ? { transaction: tx.id } : {}),
        }),
      );
      call.end();
    } catch (err) {
      failStream(call, err);
    }
  }

  override ListDocuments(
    call: ServerUnaryCall<ListDocumentsRequest, ListDocumentsResponse>,
    callback: sendUnaryData<ListDocumentsResponse>,
  ): void {
    const req = call.request;
    const collection = `${req.parent}/${req.collection_id}`;
    const byName = new Map<string, StoredDoc | null>();
    for (const doc of this.#store.under(collection)) {
      const rest = doc.name.slice(collection.length + 1).split('/');
      const name = `${collection}/${rest[0]}`;
      if (rest.length === 1) byName.set(name, doc);
      else if (req.show_missing && !byName.has(name)) byName.set(name, null);
    }
    let names = [...byName.keys()].sort(compareNames);
    if (req.page_token) names = names.filter((n) => compareNames(n, req.page_token) > 0);
    const pageSize = req.page_size > 0 ? req.page_size : names.length;
    const page = names.slice(0, pageSize);
    const mask = req.has_mask ? req.mask.field_paths.map(parseFieldPath) : undefined;
    callback(
      null,
      ListDocumentsResponse.fromObject({
        documents: page.map((name) => {
          const doc = byName.get(name);
          return doc ? toPbDocumentObject(doc, mask) : { name };
        }),
        next_page_token: names.length > page.length ? page[page.length - 1] : '',
      }),
    );
  }

  override ListCollectionIds(
    call: ServerUnaryCall<ListCollectionIdsRequest, ListCollectionIdsResponse>,
    callback: sendUnaryData<ListCollectionIdsResponse>,
  ): void {
    const parent = call.request.parent;
    const ids = new Set<string>();
    for (const doc of this.#store.under(parent)) ids.add(doc.name.slice(parent.length + 1).split('/')[0]);
    callback(null, ListCollectionIdsResponse.fromObject({ collection_ids: [...ids].sort(), next_page_token: '' }));
  }

  // ----------------------------------------------------------------------------- writes

  override BeginTransaction(
    call: ServerUnaryCall<BeginTransactionRequest, BeginTransactionResponse>,
    callback: sendUnaryData<BeginTransactionResponse>,
  ): void {
    const tx = this.#beginTx(call.request.has_options ? call.request.options : undefined);
    callback(null, BeginTransactionResponse.fromObject({ transaction: tx.id }));
  }

  override Commit(call: ServerUnaryCall<CommitRequest, CommitResponse>, callback: sendUnaryData<CommitResponse>): void {
    const req = call.request;
    let tx: Tx | undefined;
    try {
      if (req.transaction.length > 0) tx = this.#getTx(req.transaction);
      const reads = tx?.reads;
      const validate = reads
        ? (): void => {
            for (const [name, seen] of reads) {
              const now = this.#store.get(name)?.updateTime ?? 0;
              if (now !== seen) {
                this.#stats.transactions.aborted++;
                throw new FirestoreError(
                  status.ABORTED,
                  `Transaction lock timeout or contention: ${name.replace(/^projects\/[^/]+\/databases\/[^/]+\/documents\//, '')} changed since it was read`,
                );
              }
            }
          }
        : undefined;
      const result = this.#store.commit(req.writes, validate);
      this.#stats.commits++;
      if (tx) this.#stats.transactions.committed++;
      if (result.changes.length > 0) this.#onChanges(result.changes);
      callback(
        null,
        CommitResponse.fromObject({
          commit_time: microsToTs(result.commitTime),
          write_results: result.writeResults.map((r) => ({
            update_time: microsToTs(r.updateTime),
            transform_results: r.transformResults.map(toPbValueObject),
          })),
        }),
      );
    } catch (err) {
      callback(toServiceError(err), null);
    } finally {
      if (tx) this.#endTx(tx);
    }
  }

  override Rollback(call: ServerUnaryCall<RollbackRequest, Empty>, callback: sendUnaryData<Empty>): void {
    const tx = this.#txs.get(Buffer.from(call.request.transaction).toString('hex'));
    if (tx) {
      this.#stats.transactions.rolledBack++;
      this.#endTx(tx);
    }
    callback(null, Empty.fromObject({}));
  }

  override BatchWrite(call: ServerUnaryCall<BatchWriteRequest, BatchWriteResponse>, callback: sendUnaryData<BatchWriteResponse>): void {
    const results: { update_time?: ReturnType<typeof microsToTs> }[] = [];
    const statuses: { code: number; message: string }[] = [];
    const changes: DocChange[] = [];
    for (const write of call.request.writes) {
      try {
        const r = this.#store.commit([write]);
        changes.push(...r.changes);
        results.push({ update_time: microsToTs(r.commitTime) });
        statuses.push({ code: status.OK, message: '' });
      } catch (err) {
        const e = toServiceError(err);
        results.push({});
        statuses.push({ code: e.code ?? status.INTERNAL, message: e.message ?? '' });
      }
    }
    this.#stats.commits++;
    if (changes.length > 0) this.#onChanges(changes);
    callback(null, BatchWriteResponse.fromObject({ write_results: results, status: statuses }));
  }

  override CreateDocument(call: ServerUnaryCall<CreateDocumentRequest, PbDocument>, callback: sendUnaryData<PbDocument>): void {
    void call;
    callback({ code: status.UNIMPLEMENTED, details: 'CreateDocument is not supported by the local Firestore' });
  }

  override UpdateDocument(call: ServerUnaryCall<UpdateDocumentRequest, PbDocument>, callback: sendUnaryData<PbDocument>): void {
    void call;
    callback({ code: status.UNIMPLEMENTED, details: 'UpdateDocument is not supported by the local Firestore' });
  }

  override DeleteDocument(call: ServerUnaryCall<DeleteDocumentRequest, Empty>, callback: sendUnaryData<Empty>): void {
    void call;
    callback({ code: status.UNIMPLEMENTED, details: 'DeleteDocument is not supported by the local Firestore' });
  }

  override PartitionQuery(
    call: ServerUnaryCall<PartitionQueryRequest, PartitionQueryResponse>,
    callback: sendUnaryData<PartitionQueryResponse>,
  ): void {
    void call;
    callback({ code: status.UNIMPLEMENTED, details: 'PartitionQuery is not supported by the local Firestore' });
  }

  override Write(call: ServerDuplexStream<WriteRequest, WriteResponse>): void {
    failStream(call, new FirestoreError(status.UNIMPLEMENTED, 'Write streams are not supported by the local Firestore'));
  }

  // ----------------------------------------------------------------------------- listen

  override Listen(call: ServerDuplexStream<ListenRequest, ListenResponse>): void {
    interface Target {
      id: number;
      documents?: string[];
      query?: { parent: string; structured: StructuredQuery };
      matched: Map<string, number>;
    }
    const targets = new Map<number, Target>();
    const readTime = (): ReturnType<typeof microsToTs> => microsToTs(Date.now() * 1000);
    const evaluate = (t: Target): StoredDoc[] => {
      if (t.documents) {
        return t.documents.map((n) => this.#store.get(n)).filter((d): d is StoredDoc => d !== undefined);
      }
      if (t.query) return runQuery(this.#store, t.query.parent, t.query.structured);
      return [];
    };
    const send = (obj: Parameters<typeof ListenResponse.fromObject>[0]): void => {
      if (!call.writable) return;
      call.write(ListenResponse.fromObject(obj));
    };
    const sync = (t: Target, initial: boolean): boolean => {
      const docs = evaluate(t);
      let changed = false;
      const seen = new Set<string>();
      for (const doc of docs) {
        seen.add(doc.name);
        if (t.matched.get(doc.name) !== doc.updateTime) {
          t.matched.set(doc.name, doc.updateTime);
          send({ document_change: { document: toPbDocumentObject(doc), target_ids: [t.id] } });
          changed = true;
        }
      }
      for (const name of [...t.matched.keys()]) {
        if (!seen.has(name)) {
          t.matched.delete(name);
          const deleted = this.#store.get(name) === undefined;
          if (deleted) send({ document_delete: { document: name, removed_target_ids: [t.id], read_time: readTime() } });
          else send({ document_remove: { document: name, removed_target_ids: [t.id], read_time: readTime() } });
          changed = true;
        }
      }
      if (initial) send({ target_change: { target_change_type: TargetChangeTargetChangeType.CURRENT, target_ids: [t.id] } });
      return changed;
    };
    const onCommit = (): void => {
      let changed = false;
      for (const t of targets.values()) {
        try {
          changed = sync(t, false) || changed;
        } catch (err) {
          console.error('[local-firestore] listen evaluation failed:', err);
        }
      }
      if (changed) send({ target_change: { target_change_type: TargetChangeTargetChangeType.NO_CHANGE, target_ids: [], read_time: readTime() } });
    };
    this.#store.events.on('commit', onCommit);
    const cleanup = (): void => {
      this.#store.events.off('commit', onCommit);
      targets.clear();
    };
    call.on('data', (req: ListenRequest) => {
      try {
        if (req.has_add_target) {
          const at = req.add_target;
          const t: Target = { id: at.target_id, matched: new Map() };
          if (at.target_type === 'documents') t.documents = at.documents.documents;
          else if (at.target_type === 'query') t.query = { parent: at.query.parent, structured: at.query.structured_query };
          targets.set(t.id, t);
          send({ target_change: { target_change_type: TargetChangeTargetChangeType.ADD, target_ids: [t.id] } });
          sync(t, true);
          send({ target_change: { target_change_type: TargetChangeTargetChangeType.NO_CHANGE, target_ids: [], read_time: readTime() } });
        } else if (req.has_remove_target) {
          targets.delete(req.remove_target);
          send({ target_change: { target_change_type: TargetChangeTargetChangeType.REMOVE, target_ids: [req.remove_target] } });
        }
      } catch (err) {
        const e = toServiceError(err);
        send({
          target_change: {
            target_change_type: TargetChangeTargetChangeType.REMOVE,
            target_ids: req.has_add_target ? [req.add_target.target_id] : [],
            cause: { code: e.code ?? status.INTERNAL, message: e.message ?? '' },
          },
        });
      }
    });
    call.on('end', () => {
      cleanup();
      call.end();
    });
    call.on('cancelled', cleanup);
    call.on('error', cleanup);
    call.on('close', cleanup);
  }
}
