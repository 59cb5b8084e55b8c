import { ProgressRenderer } from '@berth/cli-support/progress';
import { parseReference } from '@berth/image/reference';
import { authFor, command, engine, write } from '../context';

/** berth push [-q] NAME[:TAG] */
export const push = command(
  { name: 'push', options: { quiet: { type: 'boolean', short: 'q' } }, operands: ['name'] },
  async ({ values, positionals }, g) => {
    const name = positionals[0];
    const ref = parseReference(name);
    if (!values.quiet) write(`The push refers to repository [${ref.domain}/${ref.path}]\n`);
    const renderer = values.quiet ? undefined : new ProgressRenderer(process.stdout);
    for await (const e of engine(g).stream('PushImage', { reference: name, auth: authFor(g, name) })) {
      if (e.status)
        write(values.quiet ? `${e.status}\n` : `${ref.tag}: digest: ${e.digest} size: ${e.size}\n`);
      else
        renderer?.update({
          id: e.id,
          action: e.action,
          current: e.current,
          total: e.total,
          detail: e.detail,
        });
    }
    return 0;
  },
);
