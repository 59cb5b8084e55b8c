import * as fs from 'node:fs';
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
