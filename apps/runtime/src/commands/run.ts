import { InvalidSpecError } from '@berth/runtime/errors';
import type { Runtime } from '@berth/runtime/runtime';
import { openRuntime, parse, writePidFile, type Command } from '../cli';

/**
 * As `runc run`: create and start; the container shares our stdio (with a terminal:
 * --console-socket gets it, else in the foreground we relay it). In the foreground
 * our signals are passed on, and we exit with its status after deleting it.
 */
export const run: Command = async (args, globals) => {
  const { values, positionals } = parse(
    'run',
    args,
    {
      bundle: { type: 'string', short: 'b', default: '.' },
      detach: { type: 'boolean', short: 'd' },
      'pid-file': { type: 'string' },
      'console-socket': { type: 'string' },
      keep: { type: 'boolean' },
    },
    ['container-id'],
  );
  const id = positionals[0];
  const runtime = openRuntime(globals);
  const options = {
    bundle: values.bundle as string,
    log: 'inherit' as const,
    foreground: !values.detach,
    ...(values['console-socket'] ? { consoleSocket: values['console-socket'] as string } : {}),
  };
  if (!values.detach && !values['console-socket'])
    recordRunPlan(runtime, options.bundle, globals.cgroupParent);
  const info = await runtime.createAndStart(id, options);
  if (values['pid-file']) writePidFile(values['pid-file'] as string, info.pid!);
  if (values.detach) return 0;
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
      process.stderr.write(
        `berth-runtime: warning: no run plan for ${bundle}: ${(error as Error).message}\n`,
      );
  }
}
