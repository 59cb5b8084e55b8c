import { parseCommand, UsageError } from '@berth/cli-support/args';
import { openBuilder, openImages, write, type Command } from '../context';

/** berth build [-t NAME]... [-f FILE] [--build-arg K=V]... [--target STAGE] [--no-cache] [--cgroup-parent P] [-q] PATH */
export const build: Command = async (args, g) => {
  const { values, positionals } = parseCommand(
    'build',
    args,
    {
      tag: { type: 'string', short: 't', multiple: true },
      file: { type: 'string', short: 'f' },
      'build-arg': { type: 'string', multiple: true },
      target: { type: 'string' },
      'no-cache': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      'cgroup-parent': { type: 'string' },
    },
    ['path'],
  );
  const buildArgs: Record<string, string> = {};
  for (const a of (values['build-arg'] as string[] | undefined) ?? []) {
    const eq = a.indexOf('=');
    if (eq > 0) buildArgs[a.slice(0, eq)] = a.slice(eq + 1);
    else if (process.env[a] !== undefined)
      buildArgs[a] = process.env[a]!; // --build-arg NAME takes it from the environment
    else throw new UsageError(`--build-arg ${a}: give NAME=value, or set ${a} in the environment`);
  }
  const images = openImages(g);
  try {
    const result = await openBuilder(g, images, (values['cgroup-parent'] as string | undefined) ?? 'berth-build').build({
      context: positionals[0],
      ...(values.file ? { dockerfile: values.file as string } : {}),
      tags: (values.tag as string[] | undefined) ?? [],
      buildArgs,
      ...(values.target ? { target: values.target as string } : {}),
      noCache: values['no-cache'] === true,
      onOutput: values.quiet ? undefined : write,
    });
    if (values.quiet) write(`${result.image.configDigest}\n`);
    return 0;
  } finally {
    images.close();
  }
};
