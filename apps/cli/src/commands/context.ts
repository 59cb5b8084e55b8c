/** berth context ls|use|rm|show — which cluster the CLI talks to. */
import { command, write } from '../context';
import { currentContextName, listContexts, removeContext, useContext } from '../manager';
import { printListing } from '../output';

export const ls = command(
  {
    name: 'context ls',
    options: { format: { type: 'string' }, quiet: { type: 'boolean', short: 'q' } },
    operands: [],
  },
  async ({ values }, g) => {
    const current = currentContextName(g);
    const rows = listContexts(g).map((c) => ({
      Name: c.name + (c.name === current ? ' *' : ''),
      Manager: c.managerAddr,
      Current: c.name === current,
    }));
    printListing(
      rows,
      { table: 'table {{.Name}}\t{{.Manager}}', headers: { Manager: 'MANAGER ENDPOINT' } },
      {
        format: values.format as string | undefined,
        quiet: !!values.quiet,
        idField: 'Name',
      },
    );
    return 0;
  },
);

export const use = command(
  { name: 'context use', options: {}, operands: ['name'] },
  async ({ positionals }, g) => {
    useContext(g, positionals[0]);
    write(`${positionals[0]}\nCurrent context is now "${positionals[0]}"\n`);
    return 0;
  },
);

export const rm = command(
  { name: 'context rm', options: {}, operands: ['name+'] },
  async ({ positionals }, g) => {
    for (const name of positionals) {
      removeContext(g, name);
      write(`${name}\n`);
    }
    return 0;
  },
);

export const show = command({ name: 'context show', options: {}, operands: [] }, async (_, g) => {
  write(`${currentContextName(g) ?? ''}\n`);
  return 0;
});
