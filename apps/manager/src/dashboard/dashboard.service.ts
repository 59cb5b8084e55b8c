import * as fs from 'node:fs';
import * as https from 'node:https';
import type * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { readIdentityFromDer } from '@berth/trust';
import { MANAGER_CONFIG } from '../tokens';
import type { ManagerConfig } from '../config';
import { ClusterService } from '../cluster/cluster.service';
import { LeadershipService } from '../leadership/leadership.service';
import { LogsService } from '../logs/logs.service';
import { StateService } from '../state/state.service';
import { decideAccess, newToken, pagePolicy, tokenOfFile, type CertificateSeen } from './access';
import { eventsBetween, keepLatest, type DashboardEvent } from './events';
import { logLines, sseMessage, SSE_HEADERS, SSE_KEEPALIVE } from './sse';
import { dashboardView, type DashboardView } from './view';

/** a change is shown at most this long after the watch saw it; changes meanwhile go in the same view */
const COALESCE_MS = 50;
/** how often the page's streams carry something even when the cluster is still */
const KEEPALIVE_MS = 15_000;
/** how often the leader's address is asked of etcd (the page shows it; it changes rarely) */
const LEADER_EVERY_MS = 2_000;
/** lines of a task's log sent before following it */
const LOG_TAIL = 200;

const PAGE = path.join(__dirname, 'dashboard.html');
/** a page this far behind (its connection does not take what is sent) is cut; its EventSource comes back to a fresh view */
const MAX_BACKLOG_BYTES = 8 * 1024 * 1024;

/**
 * The live dashboard (`--dashboard-addr`): one static page and two streams of server-sent events,
 * on an HTTPS listener of its own. Views come from this manager's watched cache, so a manager
 * that does not lead serves the same page (its cache is as current as the leader's) instead of
 * redirecting to the leader; task logs come through the path `service logs` takes.
 */
@Injectable()
export class DashboardService implements OnApplicationShutdown {
  private readonly log = new Logger('dashboard');
  private server: https.Server | null = null;
  private token = '';
  private pageFile: { html: Buffer; policy: string } | null = null;
  private view: DashboardView | null = null;
  private events: DashboardEvent[] = [];
  private leaderAddr: string | null = null;
  private readonly streams = new Set<http.ServerResponse>();
  private refreshTimer: NodeJS.Timeout | null = null;
  private timers: NodeJS.Timeout[] = [];
  private stopWatching: (() => void) | null = null;

  constructor(
    @Inject(MANAGER_CONFIG) private readonly config: ManagerConfig,
    private readonly state: StateService,
    private readonly cluster: ClusterService,
    private readonly leadership: LeadershipService,
    private readonly logs: LogsService,
  ) {}

  /** Serves the page, when --dashboard-addr asks for it; the cluster's CA must be open (the manager serves). */
  async start(): Promise<void> {
    if (!this.config.dashboardAddr || this.server) return;
    this.token = readOrMakeToken(this.tokenFile());
    this.pageFile = readPage();
    const ca = await this.cluster.loadCa();
    const own = await this.cluster.serverCertificate();
    const server = https.createServer(
      // a client certificate is asked for, not required: a browser comes with the token instead
      { key: own.keyPem, cert: own.certPem, ca: [ca.certPem], requestCert: true, rejectUnauthorized: false },
      (request, response) => void this.handle(request, response),
    );
    const { host, port } = splitHostPort(this.config.dashboardAddr);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => (server.off('error', reject), resolve()));
    }).catch((error: Error) => {
      throw new Error(
        `the dashboard cannot listen on ${this.config.dashboardAddr}: ${error.message}; choose another --dashboard-addr`,
        { cause: error },
      );
    });
    this.server = server;
    this.stopWatching = this.state.cache.onChange(() => this.refreshSoon());
    this.timers = [
      setInterval(() => this.broadcastRaw(SSE_KEEPALIVE), KEEPALIVE_MS),
      setInterval(() => void this.askLeader(), LEADER_EVERY_MS),
    ];
    void this.askLeader(); // the page names the leader once etcd has said; serving does not wait for it
    this.log.log(
      `serving the dashboard on https://${this.config.dashboardAddr}/ (token in ${this.tokenFile()})`,
    );
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    this.stopWatching?.();
    for (const timer of this.timers) clearInterval(timer);
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Where it listens (the port chosen, when --dashboard-addr gave 0); null when it does not. */
  address(): AddressInfo | null {
    return (this.server?.address() as AddressInfo | null) ?? null;
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  private tokenFile(): string {
    return this.config.dashboardTokenFile || path.join(this.config.stateDir, 'dashboard.token');
  }

  private async askLeader(): Promise<void> {
    const addr = await this.leadership.leaderAddr().catch(() => null);
    if (addr === this.leaderAddr) return;
    this.leaderAddr = addr;
    this.refreshSoon();
  }

  private refreshSoon(): void {
    if (this.refreshTimer || !this.server) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      this.refresh();
    }, COALESCE_MS);
  }

  /** The view now; what changed since the last one goes to the events, and both to every page. */
  private refresh(): DashboardView {
    const cache = this.state.cache;
    const view = dashboardView({
      revision: cache.revision,
      manager: {
        addr: this.config.advertiseAddr,
        leader: this.leadership.isLeader,
        leaderAddr: this.leaderAddr,
      },
      nodes: cache.list('nodes'),
      services: cache.list('services'),
      tasks: cache.list('tasks'),
    });
    this.events = keepLatest(this.events, eventsBetween(this.view, view, Date.now()));
    this.view = view;
    this.broadcastRaw(sseMessage('view', { view, events: this.events }));
    return view;
  }

  private broadcastRaw(text: string): void {
    for (const stream of this.streams)
      if (stream.writableLength > MAX_BACKLOG_BYTES) stream.destroy();
      else stream.write(text);
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    try {
      if (!this.admitted(request, response)) return;
      const url = new URL(request.url ?? '/', 'https://dashboard');
      if (request.method !== 'GET') return plain(response, 405, 'the dashboard only reads: GET\n');
      if (url.pathname === '/') return this.page(response);
      if (url.pathname === '/api/view')
        return json(response, { view: this.view ?? this.refresh(), events: this.events });
      if (url.pathname === '/api/stream') return this.stream(request, response);
      const logs = /^\/api\/tasks\/([^/]+)\/logs$/.exec(url.pathname);
      if (logs) return await this.taskLogs(decodeURIComponent(logs[1]), request, response);
      plain(response, 404, `no such page: ${url.pathname}\n`);
    } catch (error) {
      this.log.warn(`${request.method} ${request.url}: ${(error as Error).message}`);
      if (!response.headersSent) plain(response, 500, `${(error as Error).message}\n`);
      else response.end();
    }
  }

  /** Answers a refused request (401) or trades a token in the URL for the cookie; true: go on. */
  private admitted(request: http.IncomingMessage, response: http.ServerResponse): boolean {
    const decision = decideAccess(
      {
        url: request.url ?? '/',
        authorization: request.headers.authorization,
        cookie: request.headers.cookie,
        certificate: certificateOf(request.socket as TLSSocket),
      },
      this.token,
    );
    if (!decision.admit) {
      response.setHeader('www-authenticate', 'Bearer realm="berth dashboard"');
      plain(response, 401, `refused: ${decision.why}\n`);
      return false;
    }
    if (decision.via !== 'url') return true;
    response.writeHead(303, {
      'set-cookie': decision.setCookie,
      location: decision.location,
      'cache-control': 'no-store',
    });
    response.end();
    return false;
  }

  private page(response: http.ServerResponse): void {
    const page = this.pageFile!;
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': page.policy,
      'x-content-type-options': 'nosniff',
    });
    response.end(page.html);
  }

  /** The view now, then every change, until the page goes. */
  private stream(request: http.IncomingMessage, response: http.ServerResponse): void {
    response.writeHead(200, SSE_HEADERS);
    response.write(sseMessage('view', { view: this.view ?? this.refresh(), events: this.events }));
    this.streams.add(response);
    request.socket.setNoDelay(true);
    response.on('close', () => this.streams.delete(response));
  }

  /** TASK's log, its last lines then as it writes, asked of its machine as `service logs` does. */
  private async taskLogs(
    taskId: string,
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Promise<void> {
    const task = this.state.cache.get('tasks', taskId);
    if (!task) return plain(response, 404, `no task ${taskId}: it may have been removed\n`);
    const abort = new AbortController();
    response.on('close', () => abort.abort());
    response.writeHead(200, SSE_HEADERS);
    request.socket.setNoDelay(true);
    // the request `berth service logs -f --tail N SERVICE` sends, as it arrives decoded
    const asked = {
      service: task.serviceId,
      follow: true,
      tail: LOG_TAIL,
      sinceUnixMs: 0,
      timestamps: false,
      heldHereOnly: false,
    };
    const records = this.logs.serviceLogs(
      asked as Parameters<LogsService['serviceLogs']>[0],
      {
        signal: abort.signal,
        peerCertificate: null,
        peer: `dashboard ${request.socket.remoteAddress ?? ''}`,
      },
      // the dashboard admitted the caller already
      () => Promise.resolve(),
    );
    try {
      for await (const record of records)
        if (record.taskId === taskId) response.write(sseMessage('lines', logLines(record)));
      response.write(sseMessage('end', { why: 'the log ended: its machine has no more of it' }));
    } catch (error) {
      response.write(sseMessage('end', { why: (error as Error).message }));
    }
    response.end();
  }
}

function certificateOf(socket: TLSSocket): CertificateSeen {
  const peer = socket.getPeerCertificate();
  if (!peer?.raw) return 'none';
  if (!socket.authorized) return 'not-from-this-cluster';
  return { role: readIdentityFromDer(peer.raw).role };
}

function readPage(): { html: Buffer; policy: string } {
  try {
    const html = fs.readFileSync(PAGE);
    return { html, policy: pagePolicy(html.toString('utf8')) };
  } catch (error) {
    throw new Error(`the dashboard's page is missing (${(error as Error).message}): run \`npm run build\``, {
      cause: error,
    });
  }
}

/** The token in FILE; a fresh one written there (readable by the manager's user only) when there is none. */
function readOrMakeToken(file: string): string {
  if (fs.existsSync(file)) {
    const token = tokenOfFile(fs.readFileSync(file, 'utf8'));
    if (!token)
      throw new Error(
        `the dashboard token file ${file} is empty: put a token in it, or remove it to have one made`,
      );
    return token;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const token = newToken();
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return token;
}

function splitHostPort(addr: string): { host: string; port: number } {
  const at = addr.lastIndexOf(':');
  return { host: addr.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(addr.slice(at + 1)) };
}

function plain(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}

function json(response: http.ServerResponse, body: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
