/** berth context ls|use|rm|show — which cluster the CLI talks to. */
import { parseCommand } from '@berth/cli-support/args';
import { write, type Command } from '../context';
import { currentContextName, listContexts, removeContext, useContext } from '../manager';
import { printListing } from '../output';

export const ls: Command = async (args, g) => {
  const { values } = parseCommand(
    'context ls',
    args,
    { format: { type: 'string' }, quiet: { type: 'boolean', short: 'q' } },
    [],
  );
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
};

export const use: Command = async (args, g) => {
  const { positionals } = parseCommand('context use', args, {}, ['name']);
  useContext(g, positionals[0]);
  write(`${positionals[0]}\nCurrent context is now "${positionals[0]}"\n`);
  return 0;
};

export const rm: Command = async (args, g) => {
  const { positionals } = parseCommand('context rm', args, {}, ['name...']);
  for (const name of positionals) {
    removeContext(g, name);
    write(`${name}\n`);
  }
  return 0;
};

export const show: Command = async (args, g) => {
  parseCommand('context show', args, {}, []);
  write(`${currentContextName(g) ?? ''}\n`);
  return 0;
};
