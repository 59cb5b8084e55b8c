/**
 * The peer of `berth service create --replicas N`: a one-node Swarm of Debian's dockerd started
 * here (as ../shared/peers/22-swarm.sh does it): `docker service create --replicas N` until N
 * tasks run, three rounds. Left out, with the reason, where dockerd cannot be started.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sharedBusyboxRootfs } from '../test/support/harness';
import { Dockerd, has, restoreHostNet, snapshotHostNet } from './docker';

export interface PeerResult {
  samples: number[];
  skipped: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** FN on a fresh one-node Swarm of Debian's dockerd with busybox imported as `bb`; left out, with the reason, where it cannot run. */
async function withSwarm(fn: (dockerd: Dockerd, samples: number[]) => Promise<void>): Promise<PeerResult> {
  if (!has('dockerd'))
    return { samples: [], skipped: 'dockerd is not installed (apt-get install docker.io)' };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-swarm-'));
  const hostNet = snapshotHostNet();
  const dockerd = new Dockerd(path.join(work, 'docker'));
  const samples: number[] = [];
  try {
    await dockerd.start();
    const tar = path.join(work, 'busybox.tar');
    execFileSync('tar', ['-C', sharedBusyboxRootfs(), '-cf', tar, '.']);
    dockerd.docker(['import', tar, 'bb:latest']);
    dockerd.docker(['swarm', 'init', '--advertise-addr', '127.0.0.1']);
    await fn(dockerd, samples);
    return { samples, skipped: '' };
  } catch (error) {
    return { samples, skipped: `dockerd or swarm failed: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    try {
      dockerd.docker(['swarm', 'leave', '--force']);
    } catch {
      // not in a swarm
    }
    await dockerd.stop().catch((error: Error) => console.error(`stopping dockerd: ${error.message}`));
    restoreHostNet(hostNet);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** `docker service create` of REPLICAS busybox sleepers named NAME (EXTRA: more flags), not waiting. */
function createService(dockerd: Dockerd, name: string, replicas: number, extra: string[] = []): void {
  dockerd.docker([
    'service',
    'create',
    '--detach',
    '--no-resolve-image',
    '--replicas',
    String(replicas),
    '--name',
    name,
    ...extra,
    'bb',
    'sleep',
    '3600',
  ]);
}

async function removeService(dockerd: Dockerd, name: string): Promise<void> {
  dockerd.docker(['service', 'rm', name]);
  while (dockerd.docker(['ps', '-q', '--filter', `label=com.docker.swarm.service.name=${name}`]).trim())
    await sleep(250);
}

export function dockerSwarmConvergence(replicas: number, rounds = 3): Promise<PeerResult> {
  return withSwarm(async (dockerd, samples) => {
    for (let round = 0; round < rounds; round++) {
      const name = `conv${round}`;
      const start = performance.now();
      createService(dockerd, name, replicas);
      while (running(dockerd, name) < replicas) await sleep(100);
      samples.push(performance.now() - start);
      await removeService(dockerd, name);
    }
  });
}

/**
 * The peer of bench:rollout, as ../shared/peers/22-swarm.sh measures it: REPLICAS busybox tasks
 * that stop at once (`--stop-signal SIGKILL`), then `service update --env-add` with
 * PARALLELISM and delay 0, timed until UpdateStatus says completed.
 */
export function dockerSwarmRollout(replicas: number, parallelism: number, rounds = 3): Promise<PeerResult> {
  return withSwarm(async (dockerd, samples) => {
    const name = 'roll';
    createService(dockerd, name, replicas, ['--stop-signal', 'SIGKILL']);
    while (running(dockerd, name) < replicas) await sleep(200);
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      dockerd.docker([
        'service',
        'update',
        '--detach',
        '--no-resolve-image',
        '--env-add',
        `X=${round}`,
        '--update-parallelism',
        String(parallelism),
        '--update-delay',
        '0s',
        name,
      ]);
      const completed = () =>
        dockerd
          .docker([
            'service',
            'inspect',
            name,
            '--format',
            '{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}',
          ])
          .trim() === 'completed';
      while (!completed()) await sleep(100);
      samples.push(performance.now() - start);
    }
    await removeService(dockerd, name);
  });
}

function running(dockerd: Dockerd, service: string): number {
  const states = dockerd.docker([
    'service',
    'ps',
    service,
    '--filter',
    'desired-state=running',
    '--format',
    '{{.CurrentState}}',
  ]);
  return states.split('\n').filter((s) => s.startsWith('Running')).length;
}
