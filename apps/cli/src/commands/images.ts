/** berth images, rmi, tag, history, image inspect, image prune, builder prune — through the engine. */
import { timeAgo } from '@berth/cli-support/args';
import { formatSize } from '@berth/cli-support/progress';
import { command, engine, forEach, write } from '../context';
import { inspectEach, printListing } from '../output';

const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
const isoOf = (ms: number) => (ms ? new Date(ms).toISOString() : undefined);

/** berth images [-q] [-a] [--digests] [--no-trunc] [--format F] [REPOSITORY[:TAG]] */
export const images = command(
  {
    name: 'images',
    options: {
      quiet: { type: 'boolean', short: 'q' },
      all: { type: 'boolean', short: 'a' },
      digests: { type: 'boolean' },
      'no-trunc': { type: 'boolean' },
      format: { type: 'string' },
    },
    operands: ['reference?'],
  },
  async ({ values, positionals }, g) => {
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
  },
);

/** berth rmi [-f] IMAGE... */
export const rmi = command(
  { name: 'rmi', options: { force: { type: 'boolean', short: 'f' } }, operands: ['image+'] },
  async ({ values, positionals }, g) => {
    return forEach(positionals, async (name) => {
      const result = await engine(g).call('RemoveImage', { name, force: values.force === true });
      return (
        [...result.untagged.map((u) => `Untagged: ${u}`), ...result.deleted.map((d) => `Deleted: ${d}`)].join(
          '\n',
        ) || null
      );
    });
  },
);

/** berth tag SOURCE TARGET */
export const tag = command(
  { name: 'tag', options: {}, operands: ['source', 'target'] },
  async ({ positionals }, g) => {
    await engine(g).call('TagImage', { source: positionals[0], target: positionals[1] });
    return 0;
  },
);

/** berth history [--no-trunc] [-q] [--format F] IMAGE */
export const history = command(
  {
    name: 'history',
    options: {
      'no-trunc': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      format: { type: 'string' },
    },
    operands: ['image'],
  },
  async ({ values, positionals }, g) => {
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
  },
);

/** berth image inspect [-f FORMAT] IMAGE... */
export const inspect = command(
  { name: 'image inspect', options: { format: { type: 'string', short: 'f' } }, operands: ['image+'] },
  async ({ values, positionals }, g) => {
    return inspectEach(positionals, values.format as string | undefined, async (name) =>
      JSON.parse((await engine(g).call('InspectImage', { name })).json),
    );
  },
);

/** berth image prune [-a] [-f] */
export const prune = command(
  {
    name: 'image prune',
    options: { all: { type: 'boolean', short: 'a' }, force: { type: 'boolean', short: 'f' } },
    operands: [],
  },
  async ({ values }, g) => {
    const result = await engine(g).call('PruneImages', { all: values.all === true });
    if (result.deleted.length)
      write(`Deleted Images:\n${result.deleted.map((d) => `deleted: ${d}\n`).join('')}\n`);
    write(`Total reclaimed space: ${formatSize(result.reclaimedBytes)}\n`);
    return 0;
  },
);

/** berth builder prune [-a] [-f] */
export const builderPrune = command(
  {
    name: 'builder prune',
    options: { all: { type: 'boolean', short: 'a' }, force: { type: 'boolean', short: 'f' } },
    operands: [],
  },
  async (_, g) => {
    const result = await engine(g).call('PruneBuildCache', {});
    write(`Deleted build cache objects: ${result.reclaimedBytes}\n`);
    return 0;
  },
);
