/**
 * npm run bench:scale — the control plane at the size of issue 21: three berth-managers on a
 * 3-member etcd (all on loopback) and 5,000 simulated nodes (bench/cluster-agents: real joins,
 * real TLS sessions, tasks reported RUNNING without containers) in 10 processes of 500, phase by
 * phase:
 *
 * 1. join: all nodes `ready` in ListNodes;
 * 2. scale-up: 15 services scaled together 0 → 150,000 tasks, until etcd holds 150,000 RUNNING
 *    (seen through a watch); beside it etcd's own rate for puts in 100-put transactions, measured
 *    right after on the same etcd (target: Berth's writes/s, two a task, ≥ 0.5 of it);
 * 3. rolling update of the one service of 10,000 tasks (an env change; parallelism 1000, delay 0,
 *    stop-first, the default 5 s monitor), until all run the new spec and the old ones ended;
 * 4. node loss: one agent process of 500 nodes SIGKILLed, until every task of theirs runs
 *    elsewhere (target ≤ heartbeat grace + 5 s);
 * and all the while a client calling ListServices, ListTasks of one service and ListNodes in a
 * loop (target p99 < 1 s). After each phase: the managers' and etcd's memory (VmRSS), etcd's
 * database size and the CPU seconds each group used.
 *
 * BENCH_NODES (5000), BENCH_TASKS (150000), BENCH_SERVICES (15), BENCH_UPDATE_TASKS (10000),
 * BENCH_KILL (500), BENCH_AGENT_PROCESSES (BENCH_NODES / BENCH_KILL), BENCH_MANAGERS (3),
 * BENCH_HEARTBEAT_GRACE (15s), BENCH_UPDATE_PARALLELISM (1000); BENCH_CPU_PROF=DIR profiles the managers.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_UPDATE_CONFIG, defaultServiceSpec, requireDurationNs, type Service } from '@berth/cluster';
import { StateCache, Store } from '@berth/store';
import { ApiProbe, latencyTable } from './api-probe';
import {
  ControlPlane,
  CpuMeter,
  cpuUsed,
  etcdPutRate,
  rssMiB,
  stopChild,
  type AgentGroup,
} from './control-plane';
import { notEnded, runs, TaskTally } from './task-tally';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const NODES = num('BENCH_NODES', 5000);
const TASKS = num('BENCH_TASKS', 150_000);
const SERVICES = num('BENCH_SERVICES', 15);
const UPDATE_TASKS = num('BENCH_UPDATE_TASKS', 10_000);
const KILL = num('BENCH_KILL', 500);
const AGENT_PROCESSES = num('BENCH_AGENT_PROCESSES', Math.max(2, Math.round(NODES / KILL)));
const MANAGERS = num('BENCH_MANAGERS', 3);
const UPDATE_PARALLELISM = num('BENCH_UPDATE_PARALLELISM', 1000);
/**
 * Swarm's own: a heartbeat every 5 s, a node down after 3 missed (15 s). The manager's default
 * (3 s) suits a small cluster; 5,000 machines sending 3 heartbeats a second each into three
 * managers that share two cores with etcd and the simulated agents is not what it is for.
 */
const GRACE = process.env.BENCH_HEARTBEAT_GRACE ?? '15s';
const GRACE_MS = requireDurationNs(GRACE) / 1e6;
/** 150,000 tasks written several times (created, running, moved, replaced) may pass etcd's default 2 GiB */
const ETCD_QUOTA = 8 * 2 ** 30;
const ROLLED = 'roll';

const seconds = (from: number, to = performance.now()) => (to - from) / 1000;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** Replicas per service: the rolled one UPDATE_TASKS, the others sharing the rest. */
function replicaCounts(): number[] {
  if (SERVICES < 1 || UPDATE_TASKS > TASKS || (SERVICES === 1 && UPDATE_TASKS !== TASKS))
    throw new Error(
      `BENCH_UPDATE_TASKS (${UPDATE_TASKS}) must fit in BENCH_TASKS (${TASKS}) over BENCH_SERVICES (${SERVICES})`,
    );
  const rest = TASKS - UPDATE_TASKS;
  const others = SERVICES - 1;
  return [
    UPDATE_TASKS,
    ...Array.from({ length: others }, (_, i) => Math.floor(rest / others) + (i < rest % others ? 1 : 0)),
  ];
}

/** Agent processes: the first holds exactly KILL nodes (the one SIGKILLed), the others share the rest. */
function agentGroups(): AgentGroup[] {
  if (AGENT_PROCESSES < 2 || KILL < 1 || KILL >= NODES)
    throw new Error('BENCH_KILL must be fewer than BENCH_NODES, and BENCH_AGENT_PROCESSES at least 2');
  const rest = NODES - KILL;
  const others = AGENT_PROCESSES - 1;
  return Array.from({ length: AGENT_PROCESSES }, (_, p) => ({
    count: p === 0 ? KILL : Math.floor(rest / others) + (p - 1 < rest % others ? 1 : 0),
    prefix: `sim${p}`,
    // the killed nodes' sessions are held by manager 2, not by the leader (manager 1, it ran init)
    manager: (p + 1) % MANAGERS,
    joinConcurrency: 25,
  }));
}

interface Phase {
  name: string;
  seconds: number;
  cpu: Record<string, number>;
}

async function main(): Promise<void> {
  if (spawnSync('id', ['-u'], { encoding: 'utf8' }).stdout.trim() !== '0')
    throw new Error('bench:scale runs as root');
  const replicas = replicaCounts();
  const groups = agentGroups();
  console.log(
    `bench:scale — ${NODES} simulated nodes in ${AGENT_PROCESSES} processes, ${TASKS} tasks in ${SERVICES} services (scaled up together; "${ROLLED}" of ${UPDATE_TASKS} rolled), ${MANAGERS} managers on a ${MANAGERS}-member etcd; heartbeat grace ${GRACE}`,
  );
  const plane = new ControlPlane({
    name: 'scale',
    managers: MANAGERS,
    heartbeatGrace: GRACE,
    etcdQuotaBytes: ETCD_QUOTA,
    redis: true,
  });
  let store: Store | null = null;
  let cache: StateCache | null = null;
  let probe: ApiProbe | null = null;
  let succeeded = false;
  try {
    await plane.start();
    const api = plane.api;
    store = await Store.connect({ endpoints: plane.etcdEndpoints });
    cache = await StateCache.open(store);
    const tally = new TaskTally(cache);
    const services: Service[] = [];
    for (const i of replicas.keys()) {
      const spec = defaultServiceSpec(i === 0 ? ROLLED : `svc${i}`, 'busybox');
      spec.mode = { replicated: { replicas: 0 } };
      if (i === 0)
        spec.updateConfig = { ...DEFAULT_UPDATE_CONFIG, parallelism: UPDATE_PARALLELISM, delayMs: 0 };
      services.push(
        JSON.parse((await api.call('CreateService', { specJson: JSON.stringify(spec) })).json) as Service,
      );
    }
    probe = new ApiProbe(plane.adminClient(0), services[0].id);
    probe.phase = 'join';
    probe.start();
    const phases: Phase[] = [];
    const phase = async (name: string, body: () => Promise<void>) => {
      probe!.phase = name;
      const meter = new CpuMeter(() => plane.pidGroups());
      const before = meter.read();
      const start = performance.now();
      console.log(`\n— ${name}`);
      await body();
      phases.push({ name, seconds: seconds(start), cpu: cpuUsed(before, meter.read()) });
      await report(plane, store!, phases.at(-1)!);
    };

    let joinSeconds = 0;
    await phase('join', async () => {
      const start = performance.now();
      await plane.startAgents(groups);
      const sessions = seconds(start);
      // from the benchmark's own watch: polling ListNodes (MBs at this size) would load the manager it measures
      const ready = tally.countNodes((n) => n.state === 'ready');
      await tally.until(
        () => ready.n >= NODES,
        `${NODES} ready nodes`,
        900_000,
        () => `${ready.n} ready`,
      );
      joinSeconds = seconds(start);
      console.log(
        `  ${NODES} nodes joined and ready in etcd in ${joinSeconds.toFixed(1)} s (${(NODES / joinSeconds).toFixed(0)} nodes/s; every session up after ${sessions.toFixed(1)} s)`,
      );
    });

    const running = tally.countTasks(runs);
    let scaleSeconds = 0;
    await phase('scale-up', async () => {
      const start = performance.now();
      await Promise.all(
        services.map((s, i) =>
          api.call('UpdateService', {
            ref: s.id,
            specJson: JSON.stringify({ ...s.spec, mode: { replicated: { replicas: replicas[i] } } }),
            version: 0, // the latest: the allocator may have written the service since
          }),
        ),
      );
      const done = await tally.until(
        () => running.n >= TASKS,
        `${TASKS} RUNNING`,
        Math.max(600_000, TASKS * 10),
        () => `${running.n} running`,
      );
      scaleSeconds = seconds(start, done);
      console.log(
        `  0 → ${TASKS} RUNNING in etcd in ${scaleSeconds.toFixed(2)} s: ${(TASKS / scaleSeconds).toFixed(0)} tasks/s`,
      );
    });

    let etcdRate = 0;
    await phase('etcd put rate', async () => {
      etcdRate = await etcdPutRate(plane.etcdEndpoints, 10_000);
      console.log(
        `  etcd alone: ${etcdRate.toFixed(0)} puts/s in 100-put transactions (10,000 puts; same etcd, holding the ${TASKS} tasks)`,
      );
    });

    let updateSeconds = 0;
    let completedSeconds = 0;
    await phase('rolling update', async () => {
      const current = cache!.get('services', services[0].id)!;
      const spec = structuredClone(current.spec);
      spec.task.container.env = [...spec.task.container.env, 'BENCH_ROLLED=1'];
      const start = performance.now();
      const updated = JSON.parse(
        (
          await api.call('UpdateService', {
            ref: current.id,
            specJson: JSON.stringify(spec),
            version: current.meta.version,
          })
        ).json,
      ) as Service;
      const target = updated.specVersion;
      const mine = (t: { serviceId: string }) => t.serviceId === current.id;
      const fresh = tally.countTasks((t) => mine(t) && t.specVersion >= target && runs(t));
      const stale = tally.countTasks((t) => mine(t) && t.specVersion < target && notEnded(t));
      const done = await tally.until(
        () => fresh.n >= UPDATE_TASKS && stale.n === 0,
        `${UPDATE_TASKS} tasks of the new spec`,
        Math.max(600_000, UPDATE_TASKS * 30),
        () => `${fresh.n} new running, ${stale.n} old not ended`,
      );
      updateSeconds = seconds(start, done);
      const state = () => cache!.get('services', current.id)?.updateStatus?.state ?? '';
      const ended = await tally.until(
        () => !['updating', ''].includes(state()),
        'the rollout to end',
        120_000,
        state,
      );
      completedSeconds = seconds(start, ended);
      if (state() !== 'completed')
        throw new Error(
          `the rollout ended ${state()}: ${cache!.get('services', current.id)?.updateStatus?.message}`,
        );
      console.log(
        `  ${UPDATE_TASKS} tasks on the new spec and the old ones ended in ${updateSeconds.toFixed(2)} s: ${(UPDATE_TASKS / updateSeconds).toFixed(0)} tasks/s (parallelism ${UPDATE_PARALLELISM}, delay 0, stop-first); UpdateStatus completed at ${completedSeconds.toFixed(2)} s (after the 5 s monitor period)`,
      );
    });

    let lossSeconds = 0;
    let downSeconds = 0;
    let releasedSeconds = 0;
    let moved = 0;
    await phase('node loss', async () => {
      const victim = plane.agents[0];
      const name = new RegExp(`^${victim.prefix}-\\d+$`);
      const dead = tally.nodeIds((n) => name.test(n.hostname));
      if (dead.size !== KILL)
        throw new Error(`expected ${KILL} nodes named ${victim.prefix}-N, found ${dead.size}`);
      const down = tally.countNodes((n) => dead.has(n.id) && n.state === 'down');
      const onDead = tally.countTasks((t) => runs(t) && dead.has(t.nodeId));
      const elsewhere = tally.countTasks((t) => runs(t) && !dead.has(t.nodeId));
      moved = onDead.n;
      const released = await sessionsReleased(store!, dead);
      const start = performance.now();
      await stopChild(victim.child);
      const allDown = tally.until(
        () => down.n === KILL,
        `${KILL} nodes down`,
        300_000,
        () => `${down.n} down`,
      );
      const done = await tally.until(
        () => elsewhere.n >= TASKS && onDead.n === 0,
        `${TASKS} running off the killed nodes`,
        300_000,
        () => `${elsewhere.n} running elsewhere, ${onDead.n} still counted on the killed nodes`,
      );
      downSeconds = seconds(start, await allDown);
      lossSeconds = seconds(start, done);
      const releasedAt = released.at();
      releasedSeconds = releasedAt === null ? NaN : seconds(start, releasedAt);
      await released.cancel();
      console.log(
        `  ${KILL} nodes (one agent process, sessions on manager ${victim.manager + 1}) SIGKILLed: ${releasedAt === null ? `${released.left()} sessions still held by their manager when all were down` : `sessions let go by their manager after ${seconds(start, releasedAt).toFixed(2)} s`}, all ${KILL} nodes down after ${downSeconds.toFixed(2)} s; their ${moved} tasks running elsewhere after ${lossSeconds.toFixed(2)} s (heartbeat grace ${GRACE})`,
      );
    });
    probe.phase = 'done';
    await probe.stop();
    const latencies = probe.rows();
    tally.close();

    const scale = phases.find((p) => p.name === 'scale-up')!;
    const rate = TASKS / scaleSeconds;
    const fraction = (rate * 2) / etcdRate;
    const overall = latencies.filter((r) => r.phase === 'all');
    const worstP99 = Math.max(...overall.map((r) => r.p99));
    const perThousand = (k: string) => ((scale.cpu[k] / TASKS) * 1000).toFixed(2);
    console.log(
      '\nAPI latency while it ran (one client, ListServices → ListTasks of one service → ListNodes, in a loop):',
    );
    console.log(latencyTable(latencies));
    if (probe.error) console.log(`first API error: ${probe.error}`);
    console.log('\nwhat the managers and etcd logged (warnings and errors, ids elided):');
    for (const line of plane.logDigest()) console.log(`  ${line}`);
    console.log('\nresults');
    console.log(
      `  join            ${NODES} nodes ready in ${joinSeconds.toFixed(1)} s (${(NODES / joinSeconds).toFixed(0)} nodes/s)`,
    );
    console.log(
      `  scale-up        0 → ${TASKS} in ${scaleSeconds.toFixed(2)} s: ${rate.toFixed(0)} tasks/s, ${(rate * 2).toFixed(0)} writes/s = ${fraction.toFixed(2)} of etcd's own ${etcdRate.toFixed(0)} puts/s`,
    );
    console.log(
      `  CPU s / 1,000 tasks placed and run: managers ${perThousand('managers')} (${plane.managers.map((_, i) => perThousand(`manager ${i + 1}`)).join(' + ')}), etcd ${perThousand('etcd')}, agents ${perThousand('agents')}, this process ${perThousand('bench')}`,
    );
    console.log(
      `  rolling update  ${UPDATE_TASKS} tasks in ${updateSeconds.toFixed(2)} s: ${(UPDATE_TASKS / updateSeconds).toFixed(0)} tasks/s`,
    );
    console.log(
      `  node loss       ${KILL} nodes, ${moved} tasks running elsewhere ${lossSeconds.toFixed(2)} s after the kill (sessions let go at ${releasedSeconds.toFixed(2)} s, nodes down at ${downSeconds.toFixed(2)} s; grace ${GRACE})`,
    );
    console.log(`  API p99         ${overall.map((r) => `${r.call} ${r.p99.toFixed(0)} ms`).join(', ')}`);
    console.log(
      `  target  writes/s ≥ 0.5 of etcd's put rate → ${fraction >= 0.5 ? 'MET' : 'NOT MET'} (${fraction.toFixed(2)})`,
    );
    console.log(
      `  target  node loss ≤ grace + 5 s = ${(GRACE_MS / 1000 + 5).toFixed(0)} s → ${lossSeconds <= GRACE_MS / 1000 + 5 ? 'MET' : 'NOT MET'} (${lossSeconds.toFixed(2)} s)`,
    );
    console.log(
      `  target  API p99 < 1 s → ${worstP99 < 1000 ? 'MET' : 'NOT MET'} (worst ${worstP99.toFixed(0)} ms)`,
    );
    succeeded = true;
  } finally {
    if (!succeeded) for (const line of plane.logDigest()) console.error(`  ${line}`);
    await probe?.stop().catch(() => undefined);
    await cache?.close();
    store?.close();
    await plane.stop(succeeded);
  }
}

/**
 * Follows the presence keys (presence/sessions/<node id>) of NODE_IDS: `at()` is when the last of
 * them was deleted, i.e. when their manager let the last session go (null until then).
 */
async function sessionsReleased(store: Store, nodeIds: ReadonlySet<string>) {
  const prefix = `${store.layout.root}presence/sessions/`;
  const watcher = await store.client.watch().prefix(prefix).create();
  const left = new Set(nodeIds);
  let at: number | null = null;
  watcher.on('delete', (kv) => {
    left.delete(kv.key.toString().slice(prefix.length));
    if (!left.size && at === null) at = performance.now();
  });
  return { at: () => at, left: () => left.size, cancel: () => watcher.cancel() };
}

/** After a phase: its CPU, the processes' memory, etcd's database. */
async function report(plane: ControlPlane, store: Store, phase: Phase): Promise<void> {
  const c = phase.cpu;
  const each = plane.managers.map((_, i) => c[`manager ${i + 1}`].toFixed(1)).join(' + ');
  console.log(
    `  CPU s in ${phase.seconds.toFixed(1)} s: managers ${c.managers.toFixed(1)} (${each}), etcd ${c.etcd.toFixed(1)}, agents ${c.agents.toFixed(1)}, this process ${c.bench.toFixed(1)} (of ${(phase.seconds * os.cpus().length).toFixed(1)} on ${os.cpus().length} cores)`,
  );
  const rss = (pids: number[]) => pids.map((pid) => rssMiB(pid).toFixed(0)).join(' / ');
  console.log(
    `  RSS MiB: managers ${rss(plane.managers.map((m) => m.pid))}; etcd ${rss(plane.members.map((m) => m.process!.pid))}; this process (a StateCache of the same objects) ${rss([process.pid])}`,
  );
  const status = await store.client.maintenance.status();
  const files = plane.members.map((m) => {
    try {
      return mib(fs.statSync(path.join(m.dir, 'data/member/snap/db')).size);
    } catch {
      return '?';
    }
  });
  console.log(
    `  etcd DB: ${mib(Number(status.dbSize))} (in use ${mib(Number(status.dbSizeInUse))}) on one member, files ${files.join(' / ')}; quota ${mib(ETCD_QUOTA)}`,
  );
}

main().catch((error: Error) => {
  console.error(`bench:scale: ${error.stack ?? error.message}`);
  process.exit(1);
});
