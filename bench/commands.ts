/** Timing whole commands for the end-to-end benchmarks. */
import { spawn } from 'node:child_process';
import { summarise, type Summary } from './stats';

/** Wall time of one command, in milliseconds; it must succeed. */
export function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code === 0) resolve(ms);
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`));
    });
  });
}

/**
 * Each of VARIANTS timed RUNS times after WARMUP rounds, the rounds interleaving the variants so
 * that drift hits all alike: their summaries, in VARIANTS' order.
 */
export async function interleavedRounds(
  variants: readonly [string, () => Promise<number>][],
  runs: number,
  warmup: number,
): Promise<Summary[]> {
  const samples = new Map<string, number[]>(variants.map(([name]) => [name, []]));
  for (let round = -warmup; round < runs; round++)
    for (const [name, run] of variants) {
      const ms = await run();
      if (round >= 0) samples.get(name)!.push(ms);
    }
  return variants.map(([name]) => summarise(name, samples.get(name)!));
}
