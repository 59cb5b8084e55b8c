import { openRuntime, parse, type Command } from '../cli';

export const remove: Command = async (args, globals) => {
  const { values, positionals } = parse('delete', args, { force: { type: 'boolean', short: 'f' } }, [
    'container-id',
  ]);
  await openRuntime(globals).delete(positionals[0], { force: values.force as boolean });
  return 0;
};
