/** berth save, load, import: image archives streamed to and from the engine. */
import * as fs from 'node:fs';
import { command, engine, write } from '../context';
import { writeChunks } from '../output';

/** Sends FILE (or stdin) to a client-streaming call as DataChunk-carrying messages. */
async function sendFile(
  call: { send(m: never): void; end(): void },
  file: string | undefined,
  wrap: (data: Buffer) => unknown,
): Promise<void> {
  const source = file && file !== '-' ? fs.createReadStream(file) : process.stdin;
  for await (const chunk of source) call.send(wrap(chunk as Buffer) as never);
  call.end();
}

/** berth save [-o FILE] [--format docker|oci] IMAGE... (to stdout without -o) */
export const save = command(
  {
    name: 'save',
    options: { output: { type: 'string', short: 'o' }, format: { type: 'string' } },
    operands: ['image+'],
  },
  async ({ values, positionals }, g) => {
    await writeChunks(
      engine(g).stream('SaveImages', {
        names: positionals,
        format: (values.format as string | undefined) ?? '',
      }),
      values.output as string | undefined,
      'an image archive',
    );
    return 0;
  },
);

/** berth load [-i FILE] [-q] (from stdin without -i) */
export const load = command(
  {
    name: 'load',
    options: { input: { type: 'string', short: 'i' }, quiet: { type: 'boolean', short: 'q' } },
    operands: [],
  },
  async ({ values }, g) => {
    const call = engine(g).duplex('LoadImages');
    const sending = sendFile(call, values.input as string | undefined, (data) => ({ data }));
    let loaded: string[] = [];
    for await (const r of call) loaded = r.loaded;
    await sending;
    for (const name of loaded)
      write(name.startsWith('sha256:') ? `Loaded image ID: ${name}\n` : `Loaded image: ${name}\n`);
    return 0;
  },
);

/** berth import [-c CHANGE]... [-m MESSAGE] FILE|- [REPOSITORY[:TAG]] */
export const importImage = command(
  {
    name: 'import',
    options: {
      change: { type: 'string', short: 'c', multiple: true },
      message: { type: 'string', short: 'm' },
    },
    operands: ['file', 'reference?'],
  },
  async ({ values, positionals }, g) => {
    const call = engine(g).duplex('ImportImage');
    call.send({
      options: {
        reference: positionals[1] ?? '',
        changes: (values.change as string[] | undefined) ?? [],
        message: (values.message as string | undefined) ?? '',
      },
    });
    const sending = sendFile(call, positionals[0], (data) => ({ data }));
    let id = '';
    for await (const r of call) id = r.id;
    await sending;
    write(`${id}\n`);
    return 0;
  },
);
