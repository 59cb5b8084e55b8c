import { openRuntime, parse, type Command } from '../cli';

export const pause: Command = async (args, globals) => {
  const { positionals } = parse('pause', args, {}, ['container-id']);
  await openRuntime(globals).pause(positionals[0]);
  return 0;
};

export const resume: Command = async (args, globals) => {
  const { positionals } = parse('resume', args, {}, ['container-id']);
  await openRuntime(globals).resume(positionals[0]);
  return 0;
};
