import { openRuntime, parse, type Command } from '../cli';

export const kill: Command = async (args, globals) => {
  const { values, positionals } = parse('kill', args, { all: { type: 'boolean', short: 'a' } }, [
    'container-id',
    'signal?',
  ]);
  openRuntime(globals).kill(positionals[0], positionals[1] ?? 'SIGTERM', { all: values.all as boolean });
  return 0;
};
