/** berth images, rmi, tag, history, image inspect, image prune, builder prune — through the engine. */
import { parseCommand, timeAgo } from '@berth/cli-support/args';
import { formatSize } from '@berth/cli-support/progress';
import { engine, forEach, write, type Command } from '../context';
import { inspectEach, printListing } from '../output';

const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
const isoOf = (ms: number) => (ms ? new Date(ms).toISOString() : undefined);

/** berth images [-q] [-a] [--digests] [--no-trunc] [--format F] [REPOSITORY[:TAG]] */
export const images: Command = async (args, g) => {
  const { values, positionals } = parseCommand(
    'images',
    args,
    {
      quiet: { type: 'boolean', short: 'q' },
      all: { type: 'boolean', short: 'a' },
      digests: { type: 'boolean' },
      'no-trunc': { type: 'boolean' },
      format: { type: 'string' },
    },
    ['reference?'],
  );
  const { images: list } = await engine(g).call('ListImages', { reference: positionals[0] ?? '' });
  const id = (i: string) => (values['no-trunc'] ? i : shortId(i));
  const rows = list.map((r) => ({
    Repository: r.repository,
    Tag: r.tag,
    Digest: r.digest,
    ID: id(r.id),
    CreatedAt: isoOf(r.createdMs) ?? '',
    CreatedSince: timeAgo(isoOf(r.createdMs)),
    Size: formatSize(r.size),
  }));
  if (values.quiet) {
    write([...new Set(rows.map((r) => r.ID))].map((i) => `${i}\n`).join(''));
    return 0;
  }
  printListing(
    rows,
    {
      table: `table {{.Repository}}\t{{.Tag}}\t${values.digests ? '{{.Digest}}\t' : ''}{{.ID}}\t{{.CreatedSince}}\t{{.Size}}`,
      headers: { ID: 'IMAGE ID', CreatedSince: 'CREATED' },
    },
    { format: values.format as string | undefined },
  );
  return 0;
};

/** berth rmi [-f] IMAGE... */
export const rmi: Command = async (args, g) => {
  const { values, positionals } = parseCommand('rmi', args, { force: { type: 'boolean', short: 'f' } }, [
    'image',
    'more...',
  ]);
  return forEach(positionals, async (name) => {
    const result = await engine(g).call('RemoveImage', { name, force: values.force === true });
    return (
      [...result.untagged.map((u) => `Untagged: ${u}`), ...result.deleted.map((d) => `Deleted: ${d}`)].join(
        '\n',
      ) || null
    );
  });
};

/** berth tag SOURCE TARGET */
export const tag: Command = async (args, g) => {
  const { positionals } = parseCommand('tag', args, {}, ['source', 'target']);
  await engine(g).call('TagImage', { source: positionals[0], target: positionals[1] });
  return 0;
};

/** berth history [--no-trunc] [-q] [--format F] IMAGE */
export const history: Command = async (args, g) => {
  const { values, positionals } = parseCommand(
    'history',
    args,
    { 'no-trunc': { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' }, format: { type: 'string' } },
    ['image'],
  );
  const { rows } = await engine(g).call('ImageHistory', { name: positionals[0] });
  const full = values['no-trunc'] === true;
  const by = (s: string) => (full || s.length <= 45 ? s : `${s.slice(0, 44)}…`);
  printListing(
    rows.map((r) => ({
      ID: r.id.startsWith('sha256:') && !full ? shortId(r.id) : r.id,
      CreatedSince: timeAgo(isoOf(r.createdMs)),
      CreatedAt: isoOf(r.createdMs) ?? '',
      CreatedBy: by(r.createdBy),
      Size: formatSize(r.size),
      Comment: r.comment,
    })),
    {
      table: 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}',
      headers: { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedBy: 'CREATED BY' },
    },
    { format: values.format as string | undefined, quiet: values.quiet === true },
  );
  return 0;
};

/** berth image inspect [-f FORMAT] IMAGE... */
export const inspect: Command = async (args, g) => {
  const { values, positionals } = parseCommand(
    'image inspect',
    args,
    { format: { type: 'string', short: 'f' } },
    ['image', 'more...'],
  );
  return inspectEach(positionals, values.format as string | undefined, async (name) =>
    JSON.parse((await engine(g).call('InspectImage', { name })).json),
  );
};

/** berth image prune [-a] [-f] */
export const prune: Command = async (args, g) => {
  const { values } = parseCommand(
    'image prune',
    args,
    { all: { type: 'boolean', short: 'a' }, force: { type: 'boolean', short: 'f' } },
    [],
  );
  const result = await engine(g).call('PruneImages', { all: values.all === true });
  if (result.deleted.length)
    write(`Deleted Images:\n${result.deleted.map((d) => `deleted: ${d}\n`).join('')}\n`);
  write(`Total reclaimed space: ${formatSize(result.reclaimedBytes)}\n`);
  return 0;
};

/** berth builder prune [-a] [-f] */
export const builderPrune: Command = async (args, g) => {
  parseCommand(
    'builder prune',
    args,
    { all: { type: 'boolean', short: 'a' }, force: { type: 'boolean', short: 'f' } },
    [],
  );
  const result = await engine(g).call('PruneBuildCache', {});
  write(`Deleted build cache objects: ${result.reclaimedBytes}\n`);
  return 0;
};
