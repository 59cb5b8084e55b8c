import * as fs from 'node:fs';
import { openRuntime, parse, UsageError, type Command } from '../cli';

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
  if (values['console-socket'])
    throw new UsageError('create: --console-socket (terminals) is not supported yet');
  const info = await openRuntime(globals).create(positionals[0], { bundle: values.bundle as string });
  if (values['pid-file']) fs.writeFileSync(values['pid-file'] as string, String(info.pid));
  return 0;
};
