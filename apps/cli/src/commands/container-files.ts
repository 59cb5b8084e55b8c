/** A container's files: commit (to an image), export (to a tar), cp (in and out). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { UsageError } from '@berth/cli-support/args';
import { command, engine, write } from '../context';
import { writeChunks } from '../output';

/** berth commit [-a AUTHOR] [-m MESSAGE] [-c CHANGE]... [-p] CONTAINER [REPOSITORY[:TAG]] */
export const commit = command(
  {
    name: 'commit',
    options: {
      author: { type: 'string', short: 'a' },
      message: { type: 'string', short: 'm' },
      change: { type: 'string', short: 'c', multiple: true },
      pause: { type: 'boolean', short: 'p', default: true },
      'no-pause': { type: 'boolean' },
    },
    operands: ['container', 'reference?'],
  },
  async ({ values, positionals }, g) => {
    const { id } = await engine(g).call('CommitContainer', {
      id: positionals[0],
      reference: positionals[1] ?? '',
      message: (values.message as string | undefined) ?? '',
      author: (values.author as string | undefined) ?? '',
      changes: (values.change as string[] | undefined) ?? [],
      pause: values['no-pause'] !== true,
    });
    write(`${id}\n`);
    return 0;
  },
);

/** berth export [-o FILE] CONTAINER */
export const exportContainer = command(
  { name: 'export', options: { output: { type: 'string', short: 'o' } }, operands: ['container'] },
  async ({ values, positionals }, g) => {
    await writeChunks(
      engine(g).stream('ExportContainer', { id: positionals[0] }),
      values.output as string | undefined,
      'a tar stream',
    );
    return 0;
  },
);

/** "name:/path" → ["name", "/path"]; a local path → null. */
function containerPath(arg: string): [string, string] | null {
  const colon = arg.indexOf(':');
  if (colon <= 0 || arg.startsWith('/') || arg.startsWith('.')) return null;
  return [arg.slice(0, colon), arg.slice(colon + 1)];
}

/** berth cp CONTAINER:SRC DEST|-  or  berth cp SRC|- CONTAINER:DEST */
export const cp = command(
  {
    name: 'cp',
    options: { archive: { type: 'boolean', short: 'a' }, 'follow-link': { type: 'boolean', short: 'L' } },
    operands: ['src', 'dest'],
  },
  async ({ positionals }, g) => {
    const [src, dest] = positionals;
    const from = containerPath(src);
    const to = containerPath(dest);
    if (!!from === !!to)
      throw new UsageError('cp: one of the paths must be CONTAINER:PATH and the other local');
    const { extractLayer, treeEntries, DirectoryTree } = await import('@berth/image/archive/layer');
    const { packTar } = await import('@berth/image/archive/tar');
    if (from) {
      const chunks = engine(g).stream('CopyFromContainer', { id: from[0], path: from[1] });
      if (dest === '-') {
        await writeChunks(chunks, undefined, 'a tar stream');
        return 0;
      }
      const bytes = (async function* () {
        for await (const c of chunks) yield Buffer.from(c.data);
      })();
      const target = path.resolve(dest);
      if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory())
        await extractLayer(bytes, target, { intoExisting: true });
      else {
        const parent = path.dirname(target);
        if (!fs.statSync(parent, { throwIfNoEntry: false })?.isDirectory())
          throw new UsageError(`cp: ${parent}: no such directory`);
        const name = path.basename(target);
        await extractLayer(bytes, parent, {
          intoExisting: true,
          rename: (n) => n.replace(/^(\.\/)?[^/]+/, name),
        });
      }
      return 0;
    }
    const call = engine(g).duplex('CopyToContainer');
    call.send({ target: { id: to![0], path: to![1] } });
    let source: AsyncIterable<Buffer>;
    if (src === '-') source = process.stdin;
    else {
      const local = path.resolve(src);
      if (!fs.lstatSync(local, { throwIfNoEntry: false }))
        throw new UsageError(`cp: ${src}: no such file or directory`);
      source = Readable.from(
        packTar(
          treeEntries(new DirectoryTree(path.dirname(local)), path.basename(local), path.basename(local)),
        ),
      );
    }
    const sending = (async () => {
      for await (const chunk of source) call.send({ data: chunk });
      call.end();
    })();
    for await (const _ of call) void _;
    await sending;
    return 0;
  },
);
