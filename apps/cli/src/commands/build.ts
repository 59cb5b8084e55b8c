import * as path from 'node:path';
import { UsageError } from '@berth/cli-support/args';
import { authFor, command, engine, write } from '../context';

/** berth build [-t NAME]... [-f FILE] [--build-arg K=V]... [--target STAGE] [--no-cache] [--cgroup-parent P] [-q] PATH */
export const build = command(
  {
    name: 'build',
    options: {
      tag: { type: 'string', short: 't', multiple: true },
      file: { type: 'string', short: 'f' },
      'build-arg': { type: 'string', multiple: true },
      target: { type: 'string' },
      'no-cache': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      'cgroup-parent': { type: 'string' },
    },
    operands: ['path'],
  },
  async ({ values, positionals }, g) => {
    const buildArgs: Record<string, string> = {};
    for (const a of (values['build-arg'] as string[] | undefined) ?? []) {
      const eq = a.indexOf('=');
      if (eq > 0) buildArgs[a.slice(0, eq)] = a.slice(eq + 1);
      else if (process.env[a] !== undefined)
        buildArgs[a] = process.env[a]!; // --build-arg NAME takes it from the environment
      else throw new UsageError(`--build-arg ${a}: give NAME=value, or set ${a} in the environment`);
    }
    // the engine is on this machine: it reads the context where it is
    const context = path.resolve(positionals[0]);
    const tags = (values.tag as string[] | undefined) ?? [];
    const stream = engine(g).stream('BuildImage', {
      contextPath: context,
      dockerfile: values.file ? path.resolve(values.file as string) : '',
      tags,
      buildArgs,
      target: (values.target as string | undefined) ?? '',
      noCache: values['no-cache'] === true,
      cgroupParent: (values['cgroup-parent'] as string | undefined) ?? '',
      auth: tags[0] ? authFor(g, tags[0]) : undefined,
    });
    for await (const out of stream) {
      if (out.text && !values.quiet) write(out.text);
      if (out.imageId && values.quiet) write(`${out.imageId}\n`);
    }
    return 0;
  },
);
