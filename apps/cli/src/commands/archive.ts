import * as fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseCommand, UsageError } from '@berth/cli-support/args';
import type { ContainerConfig } from '@berth/image/oci/types';
import { openImages, write, type Command } from '../context';

/** berth save [-o FILE] [--format docker|oci] IMAGE... (to stdout without -o) */
export const save: Command = async (args, g) => {
  const { values, positionals } = parseCommand(
    'save',
    args,
    { output: { type: 'string', short: 'o' }, format: { type: 'string' } },
    ['image', 'more...'],
  );
  const format = (values.format as string | undefined) ?? 'docker';
  if (format !== 'docker' && format !== 'oci')
    throw new UsageError(`--format must be docker or oci, not "${format}"`);
  if (!values.output && process.stdout.isTTY)
    throw new UsageError('cowardly refusing to save to a terminal; use -o FILE or redirect stdout');
  const store = openImages(g);
  try {
    const stream = store.save(positionals, format);
    await pipeline(stream, values.output ? fs.createWriteStream(values.output as string) : process.stdout);
    return 0;
  } finally {
    store.close();
  }
};

/** berth load [-i FILE] [-q] (from stdin without -i) */
export const load: Command = async (args, g) => {
  const { values } = parseCommand(
    'load',
    args,
    { input: { type: 'string', short: 'i' }, quiet: { type: 'boolean', short: 'q' } },
    [],
  );
  const store = openImages(g);
  try {
    const result = await store.load(
      values.input ? fs.createReadStream(values.input as string) : process.stdin,
    );
    for (const name of result.loaded)
      write(name.startsWith('sha256:') ? `Loaded image ID: ${name}\n` : `Loaded image: ${name}\n`);
    return 0;
  } finally {
    store.close();
  }
};

/** Dockerfile-like --change values: CMD, ENTRYPOINT, ENV, WORKDIR, USER, EXPOSE, LABEL. */
function applyChange(config: ContainerConfig, change: string): ContainerConfig {
  const m = /^\s*(\w+)\s+(.*)$/s.exec(change);
  if (!m) throw new UsageError(`--change "${change}": expected INSTRUCTION VALUE`);
  const [, keyword, value] = m;
  const json = () => {
    try {
      const parsed = JSON.parse(value) as unknown;
      if (Array.isArray(parsed)) return parsed as string[];
    } catch {
      // shell form
    }
    return ['/bin/sh', '-c', value];
  };
  switch (keyword.toUpperCase()) {
    case 'CMD':
      return { ...config, Cmd: json() };
    case 'ENTRYPOINT':
      return { ...config, Entrypoint: json() };
    case 'ENV':
      return {
        ...config,
        Env: [...(config.Env ?? []), value.includes('=') ? value : value.replace(/\s+/, '=')],
      };
    case 'WORKDIR':
      return { ...config, WorkingDir: value };
    case 'USER':
      return { ...config, User: value };
    case 'EXPOSE':
      return {
        ...config,
        ExposedPorts: { ...config.ExposedPorts, [value.includes('/') ? value : `${value}/tcp`]: {} },
      };
    case 'LABEL': {
      const [k, ...v] = value.split('=');
      return { ...config, Labels: { ...config.Labels, [k]: v.join('=').replace(/^"|"$/g, '') } };
    }
    default:
      throw new UsageError(
        `--change ${keyword}: only CMD, ENTRYPOINT, ENV, WORKDIR, USER, EXPOSE and LABEL can be changed`,
      );
  }
}

/** berth import [-c CHANGE]... [-m MESSAGE] FILE|- [REPOSITORY[:TAG]] */
export const importImage: Command = async (args, g) => {
  const { values, positionals } = parseCommand(
    'import',
    args,
    { change: { type: 'string', short: 'c', multiple: true }, message: { type: 'string', short: 'm' } },
    ['file', 'reference?'],
  );
  const config = ((values.change as string[] | undefined) ?? []).reduce(applyChange, {} as ContainerConfig);
  const store = openImages(g);
  try {
    const source = positionals[0] === '-' ? process.stdin : fs.createReadStream(positionals[0]);
    const image = await store.import(source, {
      config,
      ...(positionals[1] ? { reference: positionals[1] } : {}),
      ...(values.message ? { message: values.message as string } : {}),
    });
    write(`${image.configDigest}\n`);
    return 0;
  } finally {
    store.close();
  }
};
