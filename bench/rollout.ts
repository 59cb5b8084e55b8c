/**
 * npm run bench:rollout — a rolling update on the local cluster harness (three manager machines,
 * each with an etcd member and a manager, and Redis): 50 busybox replicas that stop at once (`--stop-signal SIGKILL`),
 * `berth service update --env-add` with parallelism 5 and delay 0 (stop-first, monitor 5 s: the
 * defaults), timed from the command until it returns, which it does once the service's
 * UpdateStatus says completed (it follows the rollout itself, so no process is started to poll). Beside it, in
 * the same run, the same update on a one-node Swarm of Debian's dockerd (bench/swarm.ts), where
 * dockerd can be started. Target (issue 7): ≤ 7 s; Swarm took ≈ 27 s on this kind of machine.
 *
 * BENCH_REPLICAS (50), BENCH_PARALLELISM (5), BENCH_ROUNDS (3), BENCH_PEER=0 to skip Swarm.
 */
import type { Task } from '@berth/cluster';
import { Etcd3 } from 'etcd3';
import { ClusterHarness } from '../test/support/cluster';
import { processCpu } from './cpu';
import { summarise } from './stats';
import { dockerSwarmRollout } from './swarm';

const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 50);
const PARALLELISM = Number(process.env.BENCH_PARALLELISM ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function must(cluster: ClusterHarness, args: string[]): string {
  const r = cluster.berth(args, { timeoutMs: 300_000 });
  if (r.status !== 0) throw new Error(`berth ${args.join(' ')}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** CPU seconds each of the cluster's processes used, itself and the children it waited for (CNI plugins, ip, shims). */
function cpuTimes(cluster: ClusterHarness): Map<string, { own: number; children: number }> {
  const times = new Map<string, { own: number; children: number }>();
  for (const [name, pid] of Object.entries(cluster.processIds)) {
    const used = processCpu(pid);
    if (used) times.set(name, used);
  }
  return times;
}

function cpuUsed(
  before: Map<string, { own: number; children: number }>,
  after: Map<string, { own: number; children: number }>,
): string {
  return [...after]
    .map(([name, t]) => {
      const b = before.get(name) ?? { own: 0, children: 0 };
      const children = t.children - b.children;
      return `${name} ${(t.own - b.own).toFixed(1)}${children > 0.05 ? `+${children.toFixed(1)}` : ''}`;
    })
    .join(', ');
}

/** How long after STARTED_AT (the rollout's start) the last task of the new spec began to run, read from etcd. */
async function replacementPhase(cluster: ClusterHarness, startedAt: number): Promise<number> {
  const etcd = new Etcd3({ hosts: `http://${cluster.etcd}` });
  try {
    const tasks = Object.values(await etcd.getAll().prefix('/berth/v1/tasks/').json()) as Task[];
    const fresh = tasks.filter(
      (t) => t.serviceName === 'roll' && t.desiredState === 'running' && t.meta.createdAt >= startedAt,
    );
    return Math.max(...fresh.map((t) => t.status.timestamp)) - startedAt;
  } finally {
    etcd.close();
  }
}

async function berthRollout(): Promise<number[]> {
  const cluster = await ClusterHarness.start({ machines: 3, managers: 3 });
  try {
    for (const m of cluster.machines) m.importBusybox();
    must(cluster, [
      'service',
      'create',
      '-q',
      '--name',
      'roll',
      '--replicas',
      String(REPLICAS),
      '--stop-signal',
      'SIGKILL',
      'busybox:latest',
      'sleep',
      '3600',
    ]);
    const samples: number[] = [];
    const phases: number[] = [];
    const cpu: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const cpuBefore = cpuTimes(cluster);
      const start = performance.now();
      // as a user runs it: the command waits, following the rollout over its one connection, and
      // returns once UpdateStatus says completed (a failed rollout exits non-zero)
      must(cluster, [
        'service',
        'update',
        '--quiet',
        '--env-add',
        `X=${round}`,
        '--update-parallelism',
        String(PARALLELISM),
        '--update-delay',
        '0s',
        'roll',
      ]);
      // the command's own time: what follows only reads figures for the report
      samples.push(performance.now() - start);
      const status = JSON.parse(must(cluster, ['service', 'inspect', 'roll']))[0].UpdateStatus as
        { State: string; StartedAt: string } | undefined;
      if (status?.State !== 'completed') throw new Error(`the rollout ended ${status?.State}`);
      phases.push(await replacementPhase(cluster, Date.parse(status.StartedAt)));
      cpu.push(cpuUsed(cpuBefore, cpuTimes(cluster)));
      console.log(
        `  berth round ${round + 1}: ${(samples.at(-1)! / 1000).toFixed(2)} s (last new task running ${(phases.at(-1)! / 1000).toFixed(2)} s after the rollout began; then the monitor period)`,
      );
      console.log(
        `    CPU seconds used meanwhile (own+children; container monitors are init's children, not counted): ${cpu.at(-1)}`,
      );
    }
    must(cluster, ['service', 'rm', 'roll']);
    return samples;
  } finally {
    await cluster.stop();
  }
}

async function main(): Promise<void> {
  console.log(
    `bench:rollout — ${REPLICAS} replicas, parallelism ${PARALLELISM}, delay 0, monitor 5 s, tasks stop at once; ${ROUNDS} rounds`,
  );
  const berth = summarise('berth (3 managers)', await berthRollout());
  const peer =
    process.env.BENCH_PEER === '0'
      ? { samples: [], skipped: 'BENCH_PEER=0' }
      : await dockerSwarmRollout(REPLICAS, PARALLELISM, ROUNDS);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log('\nwho                       min       p50       max    n');
  console.log(
    `${berth.name.padEnd(22)} ${s(berth.min).padStart(8)} ${s(berth.p50).padStart(9)} ${s(berth.max).padStart(9)} ${String(berth.n).padStart(4)}`,
  );
  if (peer.samples.length) {
    const swarm = summarise('swarm (dockerd, 1 node)', peer.samples);
    console.log(
      `${swarm.name.padEnd(22)} ${s(swarm.min).padStart(8)} ${s(swarm.p50).padStart(9)} ${s(swarm.max).padStart(9)} ${String(swarm.n).padStart(4)}`,
    );
    console.log(`\nberth / swarm (p50): ${(berth.p50 / swarm.p50).toFixed(2)}×`);
  } else console.log(`swarm: not measured (${peer.skipped})`);
  console.log(`target ≤ 7 s: ${berth.p50 <= 7000 ? 'met' : 'NOT met'} (p50 ${s(berth.p50)})`);
}

main().catch((error: Error) => {
  console.error(`bench:rollout: ${error.message}`);
  process.exit(1);
});
