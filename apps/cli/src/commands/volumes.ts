/** berth volume create|ls|inspect|rm|prune */
import { keyValues } from '@berth/cli-support/args';
import { formatSize } from '@berth/cli-support/progress';
import { command, engine, forEach, write } from '../context';
import { inspectEach, printListing } from '../output';

export const create = command(
  {
    name: 'volume create',
    options: {
      driver: { type: 'string', short: 'd' },
      label: { type: 'string', multiple: true },
      name: { type: 'string' },
    },
    operands: ['name?'],
  },
  async ({ values, positionals }, g) => {
    const name = positionals[0] ?? (values.name as string | undefined) ?? '';
    const doc = JSON.parse(
      (
        await engine(g).call('CreateVolume', {
          name,
          labels: keyValues(values.label),
          driver: (values.driver as string | undefined) ?? '',
        })
      ).json,
    ) as { Name: string };
    write(`${doc.Name}\n`);
    return 0;
  },
);

export const ls = command(
  {
    name: 'volume ls',
    options: {
      quiet: { type: 'boolean', short: 'q' },
      format: { type: 'string' },
      filter: { type: 'string', short: 'f', multiple: true },
    },
    operands: [],
  },
  async ({ values }, g) => {
    const { volumes } = await engine(g).call('ListVolumes', {});
    const filters = (values.filter as string[] | undefined) ?? [];
    const rows = volumes
      .filter((v) =>
        filters.every((f) => {
          const [key, value = ''] = f.split(/=(.*)/s, 2);
          if (key === 'name') return v.name.includes(value);
          if (key === 'label') {
            const [k, want] = value.split('=');
            return k in v.labels && (want === undefined || v.labels[k] === want);
          }
          return true;
        }),
      )
      .map((v) => ({
        Driver: v.driver,
        Name: v.name,
        Mountpoint: v.mountpoint,
        Labels: Object.entries(v.labels)
          .map(([k, x]) => `${k}=${x}`)
          .join(','),
        Scope: 'local',
      }));
    printListing(
      rows,
      { table: 'table {{.Driver}}\t{{.Name}}', headers: { Name: 'VOLUME NAME' } },
      { format: values.format as string | undefined, quiet: values.quiet === true, idField: 'Name' },
    );
    return 0;
  },
);

export const inspect = command(
  { name: 'volume inspect', options: { format: { type: 'string', short: 'f' } }, operands: ['volume+'] },
  async ({ values, positionals }, g) => {
    return inspectEach(positionals, values.format as string | undefined, async (name) =>
      JSON.parse((await engine(g).call('InspectVolume', { name })).json),
    );
  },
);

export const rm = command(
  { name: 'volume rm', options: { force: { type: 'boolean', short: 'f' } }, operands: ['volume+'] },
  async ({ values, positionals }, g) => {
    return forEach(positionals, async (name) => {
      await engine(g).call('RemoveVolume', { name, force: values.force === true });
      return name;
    });
  },
);

export const prune = command(
  {
    name: 'volume prune',
    options: { force: { type: 'boolean', short: 'f' }, all: { type: 'boolean', short: 'a' } },
    operands: [],
  },
  async (_, g) => {
    const result = await engine(g).call('PruneVolumes', {});
    if (result.deleted.length) write(`Deleted Volumes:\n${result.deleted.map((d) => `${d}\n`).join('')}\n`);
    write(`Total reclaimed space: ${formatSize(result.reclaimedBytes)}\n`);
    return 0;
  },
);
