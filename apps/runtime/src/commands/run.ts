import * as fs from 'node:fs';
import { InvalidSpecError } from '@berth/runtime/errors';
import type { Runtime } from '@berth/runtime/runtime';
import { openRuntime, parse, type Command } from '../cli';

/**
 * As `runc run`: create and start; in the foreground the container shares our
 * stdio, our signals are passed on, and we exit with its status after deleting it.
 */
export const run: Command = async (args, globals) => {
  const { values, positionals } = parse(
    'run',
    args,
    {
      bundle: { type: 'string', short: 'b', default: '.' },
      detach: { type: 'boolean', short: 'd' },
      'pid-file': { type: 'string' },
      keep: { type: 'boolean' },
    },
    ['container-id'],
  );
  const id = positionals[0];
  const runtime = openRuntime(globals);
  const bundle = values.bundle as string;
  if (values.detach) {
    const info = await runtime.createAndStart(id, { bundle });
    if (values['pid-file']) fs.writeFileSync(values['pid-file'] as string, String(info.pid));
    return 0;
  }
  recordRunPlan(runtime, bundle, globals.cgroupParent);
  const info = await runtime.createAndStart(id, { bundle, log: 'inherit' });
  if (values['pid-file']) fs.writeFileSync(values['pid-file'] as string, String(info.pid));
  const forward = (signal: NodeJS.Signals) => runtime.kill(id, signal);
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'];
  for (const s of signals) process.on(s, forward);
  try {
    const exit = await runtime.wait(id);
    return exit.exitCode;
  } finally {
    for (const s of signals) process.off(s, forward);
    if (!values.keep) await runtime.delete(id, { force: true });
  }
};

/** The next run of this bundle needs no Node: the shim carries out what is decided here. */
function recordRunPlan(runtime: Runtime, bundle: string, cgroupParent: string): void {
  try {
    runtime.recordRunPlan(bundle, cgroupParent);
  } catch (error) {
    // a bad config.json is for the create to report, in its own words
    if (!(error instanceof InvalidSpecError))
      process.stderr.write(`berth-runtime: warning: no run plan for ${bundle}: ${(error as Error).message}\n`);
  }
}
