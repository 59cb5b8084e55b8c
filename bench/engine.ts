/**
 * npm run bench:engine — `berth run --rm IMAGE true` end to end (the CLI
 * process included), with --network none and with the default bridge,
 * beside `docker run --rm` on Debian's dockerd started here with its own
 * roots (and podman when it is installed). Rounds interleave the variants so
 * drift hits all alike. The host's iptables rules, links and ip_forward are
 * restored afterwards: dockerd changes them.
 *
 * Target (issue 4): Berth's p50 ≤ 0.5 × Docker's on both networks.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineHarness, BERTH } from '../test/support/engine';
import { sharedBusyboxRootfs } from '../test/support/harness';
import { interleavedRounds, timed } from './commands';
import { DOCKER, Dockerd, has, restoreHostNet, snapshotHostNet } from './docker';
import { table } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-engine-'));
  const tar = path.join(work, 'busybox.tar');
  execFileSync('tar', ['-C', sharedBusyboxRootfs(), '-cf', tar, '.']);
  const hostNet = snapshotHostNet();
  const berth = new EngineHarness('bench');
  const dockerd = has('dockerd') ? new Dockerd(path.join(work, 'docker')) : null;
  try {
    await berth.start();
    berth.importBusybox();
    const berthEnv = { ...process.env, BERTH_HOST: berth.host };
    const variants: [string, () => Promise<number>][] = [
      [
        'berth run --rm, none',
        () => timed(BERTH, ['run', '--rm', '--network', 'none', 'busybox', 'true'], berthEnv),
      ],
      ['berth run --rm, bridge', () => timed(BERTH, ['run', '--rm', 'busybox', 'true'], berthEnv)],
    ];
    if (dockerd) {
      await dockerd.start();
      dockerd.docker(['import', tar, 'bb:latest']);
      variants.push(
        [
          'docker run --rm, none',
          () => timed(DOCKER, ['run', '--rm', '--network', 'none', 'bb', 'true'], dockerd.env),
        ],
        ['docker run --rm, bridge', () => timed(DOCKER, ['run', '--rm', 'bb', 'true'], dockerd.env)],
      );
    } else console.log('dockerd is not installed (apt-get install docker.io): Docker is left out');
    const rows = await interleavedRounds(variants, RUNS, WARMUP);
    console.log(
      `\nbench:engine — run --rm busybox true, end to end, ${RUNS} runs each (${os.cpus().length} CPUs)\n`,
    );
    for (const net of ['none', 'bridge']) {
      const reference = `docker run --rm, ${net}`;
      const mine = rows.find((r) => r.name === `berth run --rm, ${net}`)!;
      const peer = rows.find((r) => r.name === reference);
      console.log(table(peer ? [mine, peer] : [mine], peer ? reference : mine.name));
      if (peer) {
        const ratio = mine.p50 / peer.p50;
        console.log(
          `${net}: berth p50 / docker p50 = ${ratio.toFixed(2)} (target ≤ 0.50: ${ratio <= 0.5 ? 'MET' : 'NOT MET'})\n`,
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
