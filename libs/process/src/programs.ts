/**
 * Running host programs (ip, iptables, CNI plugins, mount): one signature for every way of
 * starting them, so callers do not care whether Node forks them itself (runDirect) or a small
 * helper does (berth-shim's spawner, libs/runtime), which is far cheaper for a large process.
 */
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import { installAdvice, missingProgram } from './host-programs';

export interface ProgramOptions {
  /** The program's whole environment; the caller's own when absent. */
  env?: NodeJS.ProcessEnv;
  /** Written to its stdin, which is then closed. */
  input?: string;
}

export interface ProgramResult {
  /** Its exit code, or 128 + N when signal N killed it. */
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs ARGV (the program is looked up on the environment's PATH) to its end. A program that
 * cannot be started answers as a shell does: code 127 and the reason on stderr.
 */
export type RunProgram = (argv: readonly string[], options?: ProgramOptions) => Promise<ProgramResult>;

/** A program that exited non-zero, named with its arguments and what it said. */
export class ProgramError extends Error {
  constructor(
    readonly argv: readonly string[],
    readonly result: ProgramResult,
  ) {
    super(`${argv.join(' ')}: ${result.stderr.trim() || result.stdout.trim() || `exited ${result.code}`}`);
    this.name = 'ProgramError';
  }
}

/**
 * A program that could not be started because it is not installed: says which package to install,
 * once, instead of the wrapper's words (`nsenter … nft -f -: failed to execute nft: …`).
 */
export class ProgramMissingError extends ProgramError {
  constructor(
    argv: readonly string[],
    result: ProgramResult,
    readonly program: string,
  ) {
    super(argv, result);
    this.name = 'ProgramMissingError';
    this.message = installAdvice(program);
  }
}

/** Node forks the program itself. */
export const runDirect: RunProgram = (argv, options = {}) =>
  new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), {
      env: options.env ?? process.env,
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (error) =>
      resolve({ code: 127, stdout: '', stderr: `exec ${argv[0]}: ${error.message}` }),
    );
    child.on('close', (code, signal) =>
      resolve({ code: code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0), stdout, stderr }),
    );
    child.stdin.on('error', () => undefined); // it may exit without reading
    child.stdin.end(options.input ?? '');
  });

/** RUN's result for ARGV when it exits 0; a ProgramError otherwise. */
export async function runChecked(
  run: RunProgram,
  argv: readonly string[],
  options?: ProgramOptions,
): Promise<string> {
  const result = await run(argv, options);
  if (result.code !== 0) {
    const missing = missingProgram(argv, result.code, result.stderr);
    throw missing ? new ProgramMissingError(argv, result, missing) : new ProgramError(argv, result);
  }
  return result.stdout;
}
