import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Task } from '@berth/cluster';
import { makeNode, makeService, runningTask } from '@berth/cluster/testing';
import type { StoreEvent } from '@berth/store';
import {
  createClusterCa,
  issueServerCertificate,
  type ClusterCa,
  type IssuedCertificate,
} from '@berth/trust';
import { DEFAULT_MANAGER_CONFIG, type ManagerConfig } from '../config';
import type { ClusterService } from '../cluster/cluster.service';
import type { LeadershipService } from '../leadership/leadership.service';
import type { LogsService } from '../logs/logs.service';
import type { StateService } from '../state/state.service';
import { DashboardService } from './dashboard.service';
import { TOKEN_COOKIE } from './access';

const TOKEN = 'a-token-for-the-dashboard-spec';
const web = makeService({ id: 'w', name: 'web', replicas: 2 });

/** The cache the dashboard reads: the objects given, and a way to say one changed. */
class FakeCache {
  revision = 1;
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  constructor(readonly objects: { nodes: unknown[]; services: unknown[]; tasks: Task[] }) {}
  list(kind: 'nodes' | 'services' | 'tasks'): unknown[] {
    return this.objects[kind];
  }
  get(kind: 'tasks', id: string): Task | undefined {
    return this.objects[kind].find((t) => t.id === id);
  }
  onChange(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  put(task: Task): void {
    this.objects.tasks = [...this.objects.tasks.filter((t) => t.id !== task.id), task];
    this.revision++;
    for (const l of this.listeners)
      l({ type: 'put', kind: 'tasks', id: task.id, object: task, revision: this.revision });
  }
}

interface LogsAsked {
  request: { service: string; follow: boolean; tail: number };
  signal: AbortSignal;
}

/** `service logs` of two tasks: a line each, then waits, as a followed log does, until the caller goes. */
function fakeLogs(asked: LogsAsked[]): Pick<LogsService, 'serviceLogs'> {
  return {
    async *serviceLogs(request, context) {
      asked.push({ request, signal: context.signal });
      const record = (taskId: string, text: string) => ({
        taskId,
        nodeId: 'n1',
        slot: 1,
        stream: 1,
        timeUnixNano: 1e15,
        data: Buffer.from(`${text}\n`),
      });
      yield record('w.2.n1', 'not this task');
      yield record('w.1.n1', 'hello from w.1');
      await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
    },
  } as Pick<LogsService, 'serviceLogs'>;
}

let ca: ClusterCa;
let own: IssuedCertificate;
let dir: string;
let dashboard: DashboardService | undefined;
let cache: FakeCache;
let logsAsked: LogsAsked[];

beforeAll(async () => {
  ca = await createClusterCa('dashboardspeccluster000000');
  own = await issueServerCertificate(ca, { commonName: 'dashboard-spec', dns: [], ips: ['127.0.0.1'] });
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-dashboard-spec-'));
  cache = new FakeCache({
    nodes: [makeNode({ id: 'n1', hostname: 'm1' })],
    services: [web],
    tasks: [runningTask(web, 'n1', 1)],
  });
  logsAsked = [];
});

afterEach(async () => {
  await dashboard?.stop();
  dashboard = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function startDashboard(config: Partial<ManagerConfig> = {}): Promise<DashboardService> {
  fs.writeFileSync(path.join(dir, 'token'), `${TOKEN}\n`);
  dashboard = new DashboardService(
    {
      ...DEFAULT_MANAGER_CONFIG,
      stateDir: dir,
      advertiseAddr: '127.0.0.1:7380',
      dashboardAddr: '127.0.0.1:0',
      dashboardTokenFile: path.join(dir, 'token'),
      ...config,
    },
    { cache } as unknown as StateService,
    { loadCa: async () => ca, serverCertificate: async () => own } as unknown as ClusterService,
    { isLeader: true, leaderAddr: async () => '127.0.0.1:7380' } as unknown as LeadershipService,
    fakeLogs(logsAsked) as LogsService,
  );
  await dashboard.start();
  // it asks who leads as it starts, and shows the answer in a view of its own: let that pass
  await new Promise((resolve) => setTimeout(resolve, 150));
  return dashboard;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET PATH; for an event stream, the answer once UNTIL says the body is enough (then the connection goes). */
function get(
  pathAndQuery: string,
  headers: Record<string, string> = {},
  until: (body: string) => boolean = () => false,
): Promise<Answer> {
  const { port } = dashboard!.address()!;
  return new Promise((resolve, reject) => {
    const request = https.get(
      { host: '127.0.0.1', port, path: pathAndQuery, headers, ca: ca.certPem },
      (response) => {
        let body = '';
        const done = () => resolve({ status: response.statusCode!, headers: response.headers, body });
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
          if (!until(body)) return;
          done();
          response.destroy();
        });
        response.on('end', done);
        response.on('close', done);
      },
    );
    request.on('error', reject);
  });
}

const bearer = { authorization: `Bearer ${TOKEN}` };

/** The data of each event named EVENT in an event-stream BODY. */
function eventsNamed(body: string, event: string): unknown[] {
  return body
    .split('\n\n')
    .filter((block) => block.startsWith(`event: ${event}\n`))
    .map((block) => JSON.parse(block.split('\ndata: ')[1]));
}

describe(DashboardService.name, () => {
  describe('start', () => {
    it('should serve nothing without --dashboard-addr', async () => {
      await startDashboard({ dashboardAddr: '' });
      expect(dashboard!.address()).toBeNull();
    });

    it('should make a token file only its user reads when there is none', async () => {
      const file = path.join(dir, 'made', 'dashboard.token');
      await startDashboard({ dashboardTokenFile: file });
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const made = fs.readFileSync(file, 'utf8').trim();
      expect(made).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await get('/api/view', { authorization: `Bearer ${made}` })).status).toBe(200);
    });

    it('should refuse an empty token file, saying what to do', async () => {
      const file = path.join(dir, 'empty');
      fs.writeFileSync(file, '\n');
      await expect(startDashboard({ dashboardTokenFile: file })).rejects.toThrow(
        /token file .*empty: put a token in it, or remove it/,
      );
    });
  });

  describe('access', () => {
    it('should refuse a request without the token, asking for a bearer token', async () => {
      await startDashboard();
      const answer = await get('/');
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Bearer realm="berth dashboard"');
      expect(answer.body).toMatch(/^refused: no token/);
    });

    it('should trade the token in the URL for the cookie, then admit the cookie', async () => {
      await startDashboard();
      const traded = await get(`/?token=${TOKEN}`);
      expect(traded.status).toBe(303);
      expect(traded.headers.location).toBe('/');
      const cookie = (traded.headers['set-cookie'] as string[])[0].split(';')[0];
      expect(cookie).toBe(`${TOKEN_COOKIE}=${TOKEN}`);
      const page = await get('/', { cookie });
      expect(page.status).toBe(200);
      expect(page.body).toMatch(/^<!doctype html>/);
      expect(page.headers['content-security-policy']).toMatch(/script-src 'sha256-/);
    });

    it('should only read', async () => {
      await startDashboard();
      const { port } = dashboard!.address()!;
      const status = await new Promise<number>((resolve, reject) =>
        https
          .request(
            { host: '127.0.0.1', port, path: '/', method: 'POST', headers: bearer, ca: ca.certPem },
            (r) => resolve((r.resume(), r.statusCode!)),
          )
          .on('error', reject)
          .end(),
      );
      expect(status).toBe(405);
    });
  });

  describe('stream', () => {
    it('should send the view at once, then a new one with the events when the cache changes', async () => {
      await startDashboard();
      const answer = get('/api/stream', bearer, (body) => eventsNamed(body, 'view').length >= 2);
      await new Promise((resolve) => setTimeout(resolve, 100)); // the first view is out
      cache.put(runningTask(web, 'n1', 2));
      const views = eventsNamed((await answer).body, 'view') as {
        view: { revision: number; services: { running: number }[] };
        events: { text: string }[];
      }[];
      expect(views.map((v) => [v.view.revision, v.view.services[0].running])).toEqual([
        [1, 1],
        [2, 2],
      ]);
      expect(views[1].events.map((e) => e.text)).toEqual(['running on m1']);
    });

    it('should send one view for changes that come together', async () => {
      await startDashboard();
      await get('/api/view', bearer); // the first view: events are what changed after it
      const answer = get('/api/stream', bearer, (body) => eventsNamed(body, 'view').length >= 2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      cache.put(runningTask(web, 'n1', 2));
      cache.put(runningTask(web, 'n1', 3));
      const views = eventsNamed((await answer).body, 'view') as { view: { revision: number } }[];
      expect(views[1].view.revision).toBe(3);
    });
  });

  describe('task logs', () => {
    it("should follow the task's service's logs and pass on the task's lines only", async () => {
      await startDashboard();
      const answer = await get('/api/tasks/w.1.n1/logs', bearer, (body) => body.includes('hello from'));
      expect(answer.status).toBe(200);
      expect(eventsNamed(answer.body, 'lines')).toEqual([
        [{ taskId: 'w.1.n1', stream: 'stdout', time: 1e9, text: 'hello from w.1' }],
      ]);
      expect(logsAsked[0].request).toMatchObject({ service: 'w', follow: true, tail: 200 });
      // the page went: the log is no longer asked for
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(logsAsked[0].signal.aborted).toBe(true);
    });

    it('should say a task it does not know', async () => {
      await startDashboard();
      const answer = await get('/api/tasks/nope/logs', bearer);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatch(/^no task nope/);
    });
  });

  describe('stop', () => {
    it('should end the open streams and stop listening', async () => {
      await startDashboard();
      const answer = get('/api/stream', bearer);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await dashboard!.stop();
      expect(eventsNamed((await answer).body, 'view')).toHaveLength(1);
      expect(dashboard!.address()).toBeNull();
    });
  });
});
