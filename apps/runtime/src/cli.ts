/** What every berth-runtime subcommand shares: global flags, the runtime, errors to exit codes. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCommand, UsageError } from '@berth/cli-support/args';
// deep imports: the CLI loads only what a runtime command needs (start-up is part of every `run`)
import { ContainerStartError, RuntimeError } from '@berth/runtime/errors';
import type { Runtime } from '@berth/runtime/runtime';

export const DEFAULT_ROOT = '/run/berth/containers';

export interface Globals {
  root: string;
  cgroupParent: string;
}

export type Command = (args: string[], globals: Globals) => Promise<number>;

export { UsageError };

export function openRuntime(globals: Globals): Runtime {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not for --help or usage errors
  const { Runtime } = require('@berth/runtime/runtime') as typeof import('@berth/runtime/runtime');
  return Runtime.open({ stateRoot: globals.root, cgroupParent: globals.cgroupParent });
}

/** As runc: the pid file (relative to our cwd) appears whole or not at all. */
export function writePidFile(file: string, pid: number): void {
  const target = path.resolve(file);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}`);
  fs.writeFileSync(temporary, String(pid));
  fs.renameSync(temporary, target);
}

/** Every subcommand parses its arguments the same way as berth's. */
export const parse = parseCommand;

/** The process's exit status for an error: what Docker would return for it. */
export function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`berth-runtime: ${error.message}\nRun 'berth-runtime --help' for usage.\n`);
    return 2;
  }
  if (error instanceof ContainerStartError) {
    process.stderr.write(`berth-runtime: ${error.message}\n`);
    return error.exitCode;
  }
  const message =
    error instanceof RuntimeError ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`berth-runtime: ${message}\n`);
  return 1;
}
