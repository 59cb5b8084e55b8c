import { openRuntime, parse, type Command } from '../cli';

export const start: Command = async (args, globals) => {
  const { positionals } = parse('start', args, {}, ['container-id']);
  await openRuntime(globals).start(positionals[0]);
  return 0;
};
