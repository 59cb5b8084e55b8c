/**
 * A local cluster's logs and metrics: the manager's and the agents' logs are JSON lines naming
 * the node they are about as a field; after a service of 3 replicas is deployed, the leader's
 * /metrics says 3 desired and 3 running, the agents' say which of their containers run its
 * tasks, and a task that fits nowhere is counted under its reason. A real Prometheus then
 * scrapes them all and answers a query on them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClusterHarness, freePort, jsonLines, scrape, until, valueOf, valuesOf } from '@berth/testing';

jest.setTimeout(180_000);

const SERVICE = 'obs-web';
let cluster: ClusterHarness | undefined;
beforeAll(async () => {
  cluster = await ClusterHarness.start({ machines: 2 });
  for (const m of cluster.machines) m.importBusybox();
}, 120_000);
afterAll(() => cluster?.stop());

const c = () => cluster!;

function berth(...args: string[]): string {
  const r = c().berth(args);
  if (r.status !== 0) throw new Error(`berth ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** A log file's records; the local cluster's own `--- berthd starting at …` lines between runs skipped. */
function records(file: string): Record<string, unknown>[] {
  const text = fs.readFileSync(file, 'utf8');
  expect(text).not.toContain('\x1b[');
  return jsonLines(
    text
      .split('\n')
      .filter((line) => !line.startsWith('--- berthd starting at '))
      .join('\n'),
  );
}

describe('logs', () => {
  it("should be JSON lines with level, time, msg and component in the manager's log, the node a field", () => {
    const lines = records(c().managerLog());
    for (const r of lines) {
      expect(r).toMatchObject({ program: 'berth-manager' });
      expect(typeof r.component).toBe('string');
      expect(typeof r.msg).toBe('string');
      expect(['debug', 'info', 'warn', 'error', 'fatal']).toContain(r.level);
      expect(Number.isNaN(Date.parse(r.time as string))).toBe(false);
    }
    const nodes = berth('node', 'ls', '-q').split('\n').filter(Boolean);
    const joined = lines
      .filter((r) => r.component === 'cluster' && /joined as/.test(r.msg as string))
      .map((r) => r.node as string);
    expect(joined).toHaveLength(2);
    // `node ls -q` may shorten the ids, as docker's does
    for (const node of nodes) expect(joined.filter((id) => id.startsWith(node))).toHaveLength(1);
  });

  it("should be JSON lines in every agent's log", () => {
    for (const m of c().machines) {
      const lines = records(m.log);
      expect(lines.length).toBeGreaterThan(0);
      for (const r of lines) expect(r).toMatchObject({ program: 'berthd', component: expect.any(String) });
    }
  });
});

describe('metrics', () => {
  beforeAll(() => {
    berth('service', 'create', '--detach', '--name', SERVICE, '--replicas', '3', 'busybox', 'sleep', '3600');
  });

  it("should say on the leader's /metrics that the service wants 3 replicas and runs 3", async () => {
    const url = c().managerMetricsUrl();
    const text = await until(
      `3 running tasks of ${SERVICE} in the manager's metrics`,
      async () => (await scrape(url)).text,
      (t) => valuesOf(t, 'berth_service_running_replicas', { service: SERVICE })[0] === 3,
    );
    expect(valueOf(text, 'berth_service_desired_replicas', { service: SERVICE })).toBe(3);
    expect(valueOf(text, 'berth_tasks', { service: SERVICE, state: 'running' })).toBe(3);
    expect(valueOf(text, 'berth_manager_leader')).toBe(1);
    expect(valueOf(text, 'berth_manager_leadership_changes_total')).toBe(1);
    expect(valueOf(text, 'berth_dispatcher_sessions')).toBe(2);
    expect(valueOf(text, 'berth_dispatcher_heartbeat_misses_total')).toBe(0);
    expect(valueOf(text, 'berth_scheduler_duration_seconds_count')).toBeGreaterThan(0);
    expect(valueOf(text, 'berth_etcd_request_duration_seconds_count', { op: 'txn' })).toBeGreaterThan(0);
    expect(valueOf(text, 'berth_etcd_request_errors_total', { op: 'txn' })).toBe(0);
  });

  it("should list each of the service's containers on the agent that runs it, with its task", async () => {
    const tasks = berth('service', 'ps', '-q', '--no-trunc', '--filter', 'desired-state=running', SERVICE)
      .split('\n')
      .filter(Boolean);
    expect(tasks).toHaveLength(3);
    const seen: string[] = [];
    for (const m of c().machines) {
      const { text } = await scrape(m.metricsUrl);
      for (const task of tasks)
        if (valuesOf(text, 'berth_container_memory_bytes', { service: SERVICE, task }).length)
          seen.push(task);
      expect(valuesOf(text, 'berth_container_cpu_seconds_total', { service: SERVICE }).length).toBe(
        valuesOf(text, 'berth_containers', { state: 'running' })[0] ?? 0,
      );
    }
    expect(seen.sort()).toEqual([...tasks].sort());
  });

  it("should follow a rollout: the tasks at the new spec version against the service's replicas", async () => {
    berth(
      'service',
      'update',
      '--detach',
      '--update-parallelism',
      '1',
      '--update-delay',
      '10s',
      '--env-add',
      'V=2',
      SERVICE,
    );
    // one task is replaced, then the rollout waits 10 s before the next
    const text = await until(
      "a rollout under way with one task updated, in the manager's metrics",
      async () => (await scrape(c().managerMetricsUrl())).text,
      (t) => valuesOf(t, 'berth_rollout_updated_tasks', { service: SERVICE, state: 'updating' })[0] === 1,
    );
    expect(valueOf(text, 'berth_rollout_desired_tasks', { service: SERVICE, state: 'updating' })).toBe(3);
    berth('service', 'update', '--detach', '--update-delay', '0s', '--update-parallelism', '3', SERVICE);
    await until(
      'the rollout to end and leave the metrics',
      async () => (await scrape(c().managerMetricsUrl())).text,
      (t) =>
        valuesOf(t, 'berth_rollout_updated_tasks', { service: SERVICE }).length === 0 &&
        valuesOf(t, 'berth_service_running_replicas', { service: SERVICE })[0] === 3,
      60_000,
    );
  });

  it('should count a task that fits no node under the filter that refused it', async () => {
    berth(
      'service',
      'create',
      '--detach',
      '--name',
      'obs-nowhere',
      '--constraint',
      'node.labels.nowhere==yes',
      'busybox',
      'sleep',
      '3600',
    );
    const text = await until(
      'a pending task in the manager metrics',
      async () => (await scrape(c().managerMetricsUrl())).text,
      (t) => valuesOf(t, 'berth_scheduler_pending_tasks', { reason: 'constraints' })[0] === 1,
    );
    expect(valueOf(text, 'berth_service_running_replicas', { service: 'obs-nowhere' })).toBe(0);
    expect(valueOf(text, 'berth_tasks', { service: 'obs-nowhere', state: 'pending' })).toBe(1);
    berth('service', 'rm', 'obs-nowhere');
  });
});

describe('a real Prometheus', () => {
  /** Ends PROMETHEUS (within the test: the harness takes a process left after it for a leak) and removes DIR. */
  async function stop(prometheus: ChildProcess, dir: string): Promise<void> {
    if (prometheus.exitCode === null && prometheus.signalCode === null) {
      const gone = new Promise((resolve) => prometheus.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await gone;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }

  it('should scrape the manager and the agents, and answer a query on a berth metric', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-prometheus-'));
    const hostOf = (url: string) => new URL(url).host;
    const targets = [c().managerMetricsUrl(), ...c().machines.map((m) => m.metricsUrl)].map(hostOf);
    fs.writeFileSync(
      path.join(dir, 'prometheus.yml'),
      [
        'global:',
        '  scrape_interval: 1s',
        'scrape_configs:',
        '  - job_name: berth',
        '    static_configs:',
        `      - targets: [${targets.map((t) => `'${t}'`).join(', ')}]`,
        '',
      ].join('\n'),
    );
    const port = await freePort();
    let log = '';
    const prometheus = spawn(
      'prometheus',
      [
        `--config.file=${path.join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    prometheus.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    prometheus.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    try {
      await scrapedByPrometheus(port, targets, () => {
        if (prometheus.exitCode !== null)
          throw new Error(`prometheus exited ${prometheus.exitCode}:\n${log}`);
      });
    } finally {
      await stop(prometheus, dir);
    }
  });
});

/** Prometheus on PORT has scraped every one of TARGETS and answers queries on berth's metrics. */
async function scrapedByPrometheus(port: number, targets: string[], alive: () => void): Promise<void> {
  const query = async (q: string) => {
    alive();
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/api/v1/query?query=${encodeURIComponent(q)}`);
      const body = (await answer.json()) as {
        data?: { result: { metric: Record<string, string>; value: [number, string] }[] };
      };
      return body.data?.result ?? [];
    } catch {
      return []; // not listening yet
    }
  };
  const up = await until(
    'prometheus to have scraped every target',
    () => query('up'),
    (result) => result.length === targets.length && result.every((r) => r.value[1] === '1'),
    60_000,
    500,
  );
  expect(up.map((r) => r.metric.instance).sort()).toEqual([...targets].sort());
  const running = await until(
    `${SERVICE}'s running replicas through prometheus`,
    () => query(`berth_service_running_replicas{service="${SERVICE}"}`),
    (result) => result.length === 1,
    30_000,
    500,
  );
  expect(running[0].value[1]).toBe('3');
  const containers = await query(`count(berth_container_memory_bytes{service="${SERVICE}"})`);
  expect(containers[0]?.value[1]).toBe('3');
}

describe('heartbeats', () => {
  it("should count a session the manager closed because its agent fell silent (the agent's process stopped)", async () => {
    const url = c().managerMetricsUrl();
    const before = valueOf((await scrape(url)).text, 'berth_dispatcher_heartbeat_misses_total');
    const agent = c().processIds[c().machine(2).name];
    process.kill(agent, 'SIGSTOP');
    try {
      await until(
        'a heartbeat miss in the manager metrics',
        async () => (await scrape(url)).text,
        (t) => valueOf(t, 'berth_dispatcher_heartbeat_misses_total') === before + 1,
      );
    } finally {
      process.kill(agent, 'SIGCONT');
    }
    await until(
      'the agent to hold a session again',
      async () => (await scrape(url)).text,
      (t) => valueOf(t, 'berth_dispatcher_sessions') === 2,
    );
  });
});
