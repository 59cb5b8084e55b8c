import { openRuntime, parse, UsageError, type Command } from '../cli';

export const list: Command = async (args, globals) => {
  const { values } = parse(
    'list',
    args,
    { format: { type: 'string', short: 'f', default: 'table' }, quiet: { type: 'boolean', short: 'q' } },
    [],
  );
  const containers = openRuntime(globals).list();
  if (values.quiet) {
    for (const c of containers) process.stdout.write(`${c.id}\n`);
  } else if (values.format === 'json') {
    const rows = containers.map((c) => ({
      ociVersion: c.ociVersion,
      id: c.id,
      pid: c.pid ?? 0,
      status: c.status,
      bundle: c.bundle,
      rootfs: c.rootfs,
      created: c.createdAt.toISOString(),
      annotations: c.annotations,
    }));
    process.stdout.write(JSON.stringify(rows) + '\n');
  } else if (values.format === 'table') {
    const table = [['ID', 'PID', 'STATUS', 'BUNDLE', 'CREATED']];
    for (const c of containers)
      table.push([c.id, String(c.pid ?? 0), c.status, c.bundle, c.createdAt.toISOString()]);
    const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
    for (const row of table)
      process.stdout.write(
        row
          .map((cell, i) => cell.padEnd(widths[i] + 2))
          .join('')
          .trimEnd() + '\n',
      );
  } else {
    throw new UsageError(`list: --format must be table or json, not "${values.format}"`);
  }
  return 0;
};
