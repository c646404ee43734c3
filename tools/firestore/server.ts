/**
 * The local Firestore server: gRPC (what firebase-admin speaks) and a small HTTP API on the
 * same port, told apart by the first bytes of each connection (HTTP/2 preface → gRPC).
 *
 * HTTP API (JSON):
 *   GET    /                                               "Ok" (like the official emulator)
 *   DELETE /emulator/v1/projects/{p}/databases/{db}/documents  delete every document (official)
 *   GET    /_local/status                                  counts, transactions, delivery state
 *   GET    /_local/triggers                                Firestore triggers known (refreshes)
 *   GET    /_local/triggers/idle?timeoutMs=30000           waits until no event is pending
 *   POST   /_local/triggers/pause | /_local/triggers/resume
 *   GET    /_local/events?document=_probe/a&trigger=probeWritten   recent deliveries
 *   POST   /_local/events/{eventId}/redeliver[?trigger=id] delivers a recorded event again
 *   POST   /_local/export                                  writes the export file now
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';

import { Server, ServerCredentials } from '@grpc/grpc-js';

import { LocalFirestoreService, newServiceStats, type ServiceStats } from './service';
import { Store } from './store';
import { TriggerDispatcher } from './triggers';

export interface LocalFirestoreOptions {
  host?: string;
  port?: number;
  projectId?: string;
  /** Functions emulator origin for trigger delivery; null disables triggers. */
  functionsOrigin?: string | null;
  /** Export file; null: no persistence. */
  dataFile?: string | null;
  /** Start empty even when the export file exists. */
  fresh?: boolean;
  /** Location reported in CloudEvents. */
  location?: string;
  log?: (msg: string) => void;
}

export interface LocalFirestore {
  host: string;
  port: number;
  store: Store;
  service: LocalFirestoreService;
  stats: ServiceStats;
  dispatcher: TriggerDispatcher | null;
  /** Writes the export file (if persistence is on); returns the number of documents. */
  exportNow(): number;
  /** Stops serving; exports first when `exportData` is true. */
  close(exportData?: boolean): Promise<void>;
}

function json(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function drain(req: IncomingMessage): Promise<void> {
  for await (const chunk of req) void chunk;
}

export async function startLocalFirestore(options: LocalFirestoreOptions = {}): Promise<LocalFirestore> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8080;
  const projectId = options.projectId ?? 'demo-kesbang';
  const log = options.log ?? ((m: string) => console.log(`[local-firestore] ${m}`));
  const dataFile = options.dataFile ?? null;

  const store = new Store();
  if (dataFile && !options.fresh) {
    try {
      const n = store.importFrom(dataFile);
      log(`imported ${n} documents from ${dataFile}`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      log(`no export at ${dataFile}; starting empty`);
    }
  }

  const dispatcher =
    options.functionsOrigin === null
      ? null
      : new TriggerDispatcher({
          projectId,
          functionsOrigin: options.functionsOrigin ?? 'http://127.0.0.1:5001',
          location: options.location,
          log,
        });
  const pollTimer = dispatcher?.startPolling();

  const stats = newServiceStats();
  const service = new LocalFirestoreService(store, (changes) => dispatcher?.enqueue(changes), stats);
  const grpcServer = new Server({ 'grpc.max_receive_message_length': 64 * 1024 * 1024 });
  grpcServer.addService(LocalFirestoreService.definition, service);
  const injector = grpcServer.createConnectionInjector(ServerCredentials.createInsecure());

  const exportNow = (): number => (dataFile ? store.exportTo(dataFile) : 0);

  const http = createHttpServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://${host}`);
      const path = url.pathname;
      try {
        await drain(req);
        if (req.method === 'GET' && path === '/') {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('Ok\n');
          return;
        }
        const reset = /^\/emulator\/v1\/projects\/([^/]+)\/databases\/([^/]+)\/documents\/?$/.exec(path);
        if (req.method === 'DELETE' && reset) {
          const n = store.clear(reset[1], decodeURIComponent(reset[2]));
          json(res, 200, { deleted: n });
          return;
        }
        if (req.method === 'GET' && path === '/_local/status') {
          json(res, 200, {
            documents: store.size,
            ...stats,
            triggers: dispatcher
              ? { pending: dispatcher.pending, ...dispatcher.counters, known: dispatcher.listTriggers().length }
              : null,
          });
          return;
        }
        if (!dispatcher && path.startsWith('/_local/') && path !== '/_local/export') {
          json(res, 409, { error: 'trigger delivery is disabled' });
          return;
        }
        if (dispatcher && req.method === 'GET' && path === '/_local/triggers') {
          await dispatcher.refresh().catch(() => undefined);
          json(res, 200, { triggers: dispatcher.listTriggers() });
          return;
        }
        if (dispatcher && path === '/_local/triggers/refresh') {
          await dispatcher.refresh();
          json(res, 200, { triggers: dispatcher.listTriggers() });
          return;
        }
        if (dispatcher && path === '/_local/triggers/idle') {
          const timeoutMs = Number(url.searchParams.get('timeoutMs') ?? 30_000);
          try {
            await dispatcher.whenIdle(timeoutMs);
            json(res, 200, { idle: true, ...dispatcher.counters });
          } catch (err) {
            json(res, 504, { idle: false, pending: dispatcher.pending, error: err instanceof Error ? err.message : String(err) });
          }
          return;
        }
        if (dispatcher && req.method === 'POST' && (path === '/_local/triggers/pause' || path === '/_local/triggers/resume')) {
          dispatcher.setPaused(path.endsWith('pause'));
          json(res, 200, { paused: path.endsWith('pause') });
          return;
        }
        if (dispatcher && req.method === 'GET' && path === '/_local/events') {
          json(res, 200, {
            events: dispatcher.recent({
              document: url.searchParams.get('document') ?? undefined,
              triggerId: url.searchParams.get('trigger') ?? undefined,
            }),
          });
          return;
        }
        const redeliver = /^\/_local\/events\/([^/]+)\/redeliver$/.exec(path);
        if (dispatcher && req.method === 'POST' && redeliver) {
          const results = await dispatcher.redeliver(decodeURIComponent(redeliver[1]), url.searchParams.get('trigger') ?? undefined);
          json(res, results.length > 0 ? 200 : 404, { events: results });
          return;
        }
        if (req.method === 'POST' && path === '/_local/export') {
          json(res, 200, { file: dataFile, documents: exportNow() });
          return;
        }
        json(res, 404, { error: `no route ${req.method} ${path}` });
      } catch (err) {
        json(res, 500, { error: err instanceof Error ? err.message : String(err) });
      }
    })();
  });

  const sockets = new Set<Socket>();
  const net = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffered = Buffer.alloc(0);
    const onReadable = (): void => {
      let chunk: Buffer | null;
      while ((chunk = socket.read() as Buffer | null) !== null) buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 4 && !socket.readableEnded) return;
      socket.off('readable', onReadable);
      socket.unshift(buffered);
      if (buffered.subarray(0, 4).toString('latin1') === 'PRI ') injector.injectConnection(socket);
      else http.emit('connection', socket);
    };
    socket.on('readable', onReadable);
  });

  await new Promise<void>((resolve, reject) => {
    net.once('error', reject);
    net.listen(port, host, () => {
      net.off('error', reject);
      resolve();
    });
  });
  const address = net.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  log(`listening on ${host}:${actualPort} (gRPC + HTTP)${dispatcher ? `, delivering triggers to ${options.functionsOrigin ?? 'http://127.0.0.1:5001'}` : ''}`);

  let closed = false;
  return {
    host,
    port: actualPort,
    store,
    service,
    stats,
    dispatcher,
    exportNow,
    async close(exportData = false): Promise<void> {
      if (closed) return;
      closed = true;
      if (pollTimer) clearInterval(pollTimer);
      dispatcher?.stop();
      if (exportData && dataFile) {
        const n = exportNow();
        log(`exported ${n} documents to ${dataFile}`);
      }
      injector.destroy();
      grpcServer.forceShutdown();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => net.close(() => resolve()));
    },
  };
}
