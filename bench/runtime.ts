/**
 * npm run bench:runtime — start-to-exit latency of /bin/true in a busybox
 * bundle, for Berth through its library (what the agent uses) and through
 * bin/berth-runtime, beside `runc run` and `crun run` measured in the same
 * run on the same bundle. Rounds are interleaved so drift hits all alike.
 *
 * Targets: the library's p50 ≤ crun's p50 (issue 19; ≤ 1.5× since issue 2), and berth-runtime's
 * `run` p50 ≤ 1.5 × crun's (issue 19). The CLI runs a bundle it has run before from the plan Node
 * compiled then, in the shim alone (libs/runtime/src/plan/run-plan.ts); a bundle it has not seen
 * goes through Node, shown as its own line.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSpec, Runtime, type OciSpec } from '@berth/runtime';
import { removeCgroupParent } from '../test/support/harness';
import { buildBusyboxRootfs } from '../test/support/rootfs';
import { summarise, table } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 3;
const BIN = path.resolve(__dirname, '../../bin/berth-runtime');

function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function spawnAndWait(command: string, args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(0) : reject(new Error(`${command} exited ${code}: ${stderr}`)),
    );
  });
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-'));
  const rootfs = buildBusyboxRootfs(path.join(work, 'rootfs'));
  const bundle = path.join(work, 'bundle');
  fs.mkdirSync(bundle);
  execFileSync('runc', ['spec'], { cwd: bundle });
  const config = JSON.parse(fs.readFileSync(path.join(bundle, 'config.json'), 'utf8')) as OciSpec;
  config.root = { path: rootfs, readonly: true };
  config.process!.terminal = false;
  config.process!.args = ['/bin/true'];
  fs.writeFileSync(path.join(bundle, 'config.json'), JSON.stringify(config));

  const runtime = Runtime.open({ stateRoot: path.join(work, 'berth-lib'), cgroupParent: 'berth-bench' });
  let n = 0;
  const overlayRun = async () => {
    // what the agent will do: a fresh upper dir over the image, the engine's default spec
    const dir = path.join(work, 'c', String(++n));
    for (const d of ['upper', 'work', 'merged']) fs.mkdirSync(path.join(dir, d), { recursive: true });
    const spec = buildSpec({
      args: ['/bin/true'],
      rootfs: {
        path: path.join(dir, 'merged'),
        overlay: { lowerDirs: [rootfs], upperDir: path.join(dir, 'upper'), workDir: path.join(dir, 'work') },
      },
    });
    await runtime.run(`o${n}`, { bundle, spec, remove: true });
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const variants: [string, () => Promise<unknown>][] = [
    ['berth library', () => runtime.run(`b${++n}`, { bundle, remove: true })],
    ['berth library, overlay + Docker defaults', overlayRun],
    [
      'berth-runtime run (CLI)',
      () =>
        spawnAndWait(
          BIN,
          ['--root', path.join(work, 'berth-cli'), '--cgroup-parent', 'berth-bench', 'run', `c${++n}`],
          bundle,
        ),
    ],
    [
      'berth-runtime run (CLI), a new bundle each time: Node',
      () => {
        const fresh = path.join(work, 'fresh', String(++n));
        fs.mkdirSync(fresh, { recursive: true });
        fs.copyFileSync(path.join(bundle, 'config.json'), path.join(fresh, 'config.json'));
        return spawnAndWait(
          BIN,
          ['--root', path.join(work, 'berth-cli'), '--cgroup-parent', 'berth-bench', 'run', `f${n}`],
          fresh,
        );
      },
    ],
    ['runc run', () => spawnAndWait('runc', ['--root', path.join(work, 'runc'), 'run', `r${++n}`], bundle)],
  ];
  // the floor under any Node command line: what berth-runtime pays before its first line runs
  variants.push([
    'node -e 0 (Node start-up alone)',
    () => spawnAndWait(process.execPath, ['-e', '0'], bundle),
  ]);
  if (hasCommand('crun'))
    variants.push([
      'crun run',
      () => spawnAndWait('crun', ['--root', path.join(work, 'crun'), 'run', `k${++n}`], bundle),
    ]);
  else console.error('crun is not installed: apt-get install crun');

  const samples = new Map<string, number[]>(variants.map(([name]) => [name, []]));
  try {
    for (let round = -WARMUP; round < RUNS; round++) {
      // rotate the order each round so no variant always runs right after another
      for (let k = 0; k < variants.length; k++) {
        const [name, fn] = variants[(k + Math.max(round, 0)) % variants.length];
        const t0 = process.hrtime.bigint();
        await fn();
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (round >= 0) samples.get(name)!.push(ms);
      }
    }
  } finally {
    for (const c of runtime.list()) await runtime.delete(c.id, { force: true });
    removeCgroupParent('berth-bench');
    fs.rmSync(work, { recursive: true, force: true });
  }

  const rows = [...samples].map(([name, s]) => summarise(name, s));
  const reference = rows.some((r) => r.name === 'crun run') ? 'crun run' : 'runc run';
  console.log(
    `start-to-exit of /bin/true in a busybox bundle, ${RUNS} runs each (after ${WARMUP} warm-up), ${os.cpus().length} CPUs`,
  );
  console.log(
    'CLIs (berth-runtime, runc, crun) are spawned from this Node process and timed to their exit.\n',
  );
  console.log(table(rows, reference));
  const ref = rows.find((r) => r.name === reference)!;
  const target = (name: string, limit: number) => {
    const ratio = rows.find((r) => r.name === name)!.p50 / ref.p50;
    const verdict = ratio <= limit ? 'MET' : 'NOT MET';
    console.log(`target: ${name} p50 ≤ ${limit} × ${reference} p50 → ${ratio.toFixed(2)}× ${verdict}`);
  };
  console.log('');
  target('berth library', 1);
  target('berth-runtime run (CLI)', 1.5);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
