import { openRuntime, parse, writePidFile, type Command } from '../cli';

/**
 * As `runc create`: the container's stdio are ours (pass-through), so whoever ran us
 * reads its output on the pipes it gave us, even after we exit; with process.terminal,
 * the terminal's master end goes to --console-socket instead.
 */
export const create: Command = async (args, globals) => {
  const { values, positionals } = parse(
    'create',
    args,
    {
      bundle: { type: 'string', short: 'b', default: '.' },
      'pid-file': { type: 'string' },
      'console-socket': { type: 'string' },
      'no-pivot': { type: 'boolean' },
      'no-new-keyring': { type: 'boolean' },
    },
    ['container-id'],
  );
  const info = await openRuntime(globals).create(positionals[0], {
    bundle: values.bundle as string,
    log: 'inherit',
    ...(values['console-socket'] ? { consoleSocket: values['console-socket'] as string } : {}),
  });
  if (values['pid-file']) writePidFile(values['pid-file'] as string, info.pid!);
  return 0;
};
