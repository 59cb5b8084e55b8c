import { ProgressRenderer } from '@berth/cli-support/progress';
import { parseReference } from '@berth/image/reference';
import { authFor, command, engine, write } from '../context';

/** berth pull [-q] [--platform os/arch] NAME[:TAG|@DIGEST] */
export const pull = command(
  {
    name: 'pull',
    options: { quiet: { type: 'boolean', short: 'q' }, platform: { type: 'string' } },
    operands: ['name'],
  },
  async ({ values, positionals }, g) => {
    const name = positionals[0];
    const ref = parseReference(name);
    if (!values.quiet) {
      if (!ref.digest && !/:[^/]+$/.test(name)) write('Using default tag: latest\n');
      write(`${ref.tag ?? ref.digest}: Pulling from ${ref.path}\n`);
    }
    const renderer = values.quiet ? undefined : new ProgressRenderer(process.stdout);
    const stream = engine(g).stream('PullImage', {
      reference: name,
      platform: (values.platform as string | undefined) ?? '',
      auth: authFor(g, name),
    });
    for await (const e of stream) {
      if (e.status) {
        if (!values.quiet) write(`Digest: ${e.digest}\nStatus: ${e.status}\n`);
      } else
        renderer?.update({
          id: e.id,
          action: e.action,
          current: e.current,
          total: e.total,
          detail: e.detail,
        });
    }
    write(`${ref.domain}/${ref.path}${ref.tag ? `:${ref.tag}` : `@${ref.digest}`}\n`);
    return 0;
  },
);
