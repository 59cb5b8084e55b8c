/** exec: the process another command runs as in a running container, and the handle its caller holds. */
import type { Readable } from 'node:stream';
import { InvalidSpecError } from './errors';
import { mergeEnv } from './oci/env';
import type { OciProcess, OciSpec } from './oci/spec';
import { validateSpec } from './oci/validate';
import { compileExec, type ExecContext } from './plan/compile';
import type { Instruction } from './plan/instructions';
import type { ExecOptions, ExecProcess } from './runtime-types';
import type { ShimHandle } from './shim/launcher';

/** What the shim is told for an exec in the container made from SPEC, once the process is found valid. */
export function execInstructions(spec: OciSpec, options: ExecOptions, target: ExecContext): Instruction[] {
  const execProcess = execProcessFor(spec.process!, options);
  const problems = validateSpec({ ...spec, process: execProcess });
  if (problems.length) throw new InvalidSpecError(problems);
  return compileExec(spec, execProcess, target);
}

/** The container's own process (BASE) with what OPTIONS change: args, env added, cwd, user, a terminal. */
function execProcessFor(base: OciProcess, options: ExecOptions): OciProcess {
  return {
    ...base,
    args: options.args,
    env: mergeEnv(base.env ?? [], options.env ?? []),
    cwd: options.cwd ?? base.cwd,
    user: options.user ?? base.user,
    terminal: options.terminal !== undefined,
    ...(options.terminal
      ? { consoleSize: { height: options.terminal.rows, width: options.terminal.cols } }
      : {}),
  };
}

/** The handle on an exec'd process that SHIM reported STARTED. */
export function execHandle(shim: ShimHandle, started: { pid?: number }, options: ExecOptions): ExecProcess {
  return {
    pid: started.pid ?? -1,
    stdin: shim.stdin,
    stdout: shim.stdout,
    stderr: shim.stderr,
    exit: shim.exit,
    resize: (rows, cols) => {
      if (options.terminal && rows > 0 && cols > 0) shim.control?.write(`${rows} ${cols}\n`);
    },
    kill: (signal) => {
      try {
        if (started.pid) process.kill(started.pid, signal);
      } catch {
        // already gone
      }
    },
  };
}

/** A stream's whole output as text ('' for none). */
function collect(stream: Readable | null): Promise<string> {
  if (!stream) return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

/** PROC's whole output and exit code, its stdin closed at once. */
export async function collectOutput(
  proc: ExecProcess,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  proc.stdin?.end();
  const [stdout, stderr, exitCode] = await Promise.all([
    collect(proc.stdout),
    collect(proc.stderr),
    proc.exit,
  ]);
  return { exitCode, stdout, stderr };
}
