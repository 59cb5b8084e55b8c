/**
 * npm run bench:docker-api — `docker run --rm busybox true` by the docker client on the PATH
 * (docker 28 on these machines) against berthd's Docker API socket, beside the same command by
 * the same client against Debian's dockerd started here with its own roots. The client is the
 * same native program both ways, so this is the engines' own speed behind one API. Rounds
 * interleave the variants so drift hits all alike; the host's iptables rules, links and
 * ip_forward are restored afterwards (dockerd changes them).
 *
 * Target (issue 18): Berth's p50 ≤ 0.35 × dockerd's.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineHarness } from '../test/support/engine';
import { sharedBusyboxRootfs } from '../test/support/harness';
import { interleavedRounds, timed } from './commands';
import { Dockerd, has, restoreHostNet, snapshotHostNet } from './docker';
import { table } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const TARGET = 0.35;

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-docker-api-'));
  const tar = path.join(work, 'busybox.tar');
  execFileSync('tar', ['-C', sharedBusyboxRootfs(), '-cf', tar, '.']);
  const hostNet = snapshotHostNet();
  const berth = new EngineHarness('benchapi');
  const dockerd = has('dockerd') ? new Dockerd(path.join(work, 'docker')) : null;
  const client = execFileSync('docker', ['--version'], { encoding: 'utf8' }).trim();
  const config = { DOCKER_CONFIG: path.join(work, 'docker-config'), DOCKER_CLI_HINTS: 'false' };
  try {
    await berth.start();
    berth.importBusybox();
    const berthEnv = {
      ...process.env,
      ...config,
      DOCKER_HOST: `unix://${path.join(berth.execRoot, 'docker.sock')}`,
    };
    const variants: [string, () => Promise<number>][] = [
      [
        'berthd, none',
        () => timed('docker', ['run', '--rm', '--network', 'none', 'busybox', 'true'], berthEnv),
      ],
      ['berthd, bridge', () => timed('docker', ['run', '--rm', 'busybox', 'true'], berthEnv)],
    ];
    if (dockerd) {
      await dockerd.start();
      dockerd.docker(['import', tar, 'busybox:latest']);
      const dockerEnv = { ...dockerd.env, ...config };
      variants.push(
        [
          'dockerd, none',
          () => timed('docker', ['run', '--rm', '--network', 'none', 'busybox', 'true'], dockerEnv),
        ],
        ['dockerd, bridge', () => timed('docker', ['run', '--rm', 'busybox', 'true'], dockerEnv)],
      );
    } else console.log('dockerd is not installed (apt-get install docker.io): dockerd is left out');
    const rows = await interleavedRounds(variants, RUNS, WARMUP);
    console.log(
      `\nbench:docker-api — ${client}: run --rm busybox true, ${RUNS} runs each (${os.cpus().length} CPUs)\n`,
    );
    for (const net of ['none', 'bridge']) {
      const mine = rows.find((r) => r.name === `berthd, ${net}`)!;
      const peer = rows.find((r) => r.name === `dockerd, ${net}`);
      console.log(table(peer ? [mine, peer] : [mine], peer ? peer.name : mine.name));
      if (peer) {
        const ratio = mine.p50 / peer.p50;
        console.log(
          `${net}: berthd p50 / dockerd p50 = ${ratio.toFixed(2)} (target ≤ ${TARGET}: ${ratio <= TARGET ? 'MET' : 'NOT MET'})\n`,
        );
      }
    }
  } finally {
    await dockerd
      ?.stop()
      .catch((error: unknown) => console.error(`stopping dockerd: ${(error as Error).message}`));
    await berth.cleanup();
    restoreHostNet(hostNet);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
