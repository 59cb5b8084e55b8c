import { formatTable, parseCommand, timeAgo, UsageError } from '@berth/cli-support/args';
import { formatSize } from '@berth/cli-support/progress';
import { openImages, write, type Command } from '../context';

/** berth images [-q] [-a] [--digests] [--format table|json] [REPOSITORY[:TAG]] */
export const images: Command = async (args, g) => {
  const { values, positionals } = parseCommand(
    'images',
    args,
    {
      quiet: { type: 'boolean', short: 'q' },
      all: { type: 'boolean', short: 'a' },
      digests: { type: 'boolean' },
      format: { type: 'string' },
    },
    ['reference?'],
  );
  const store = openImages(g);
  try {
    let rows = store.list();
    const filter = positionals[0];
    if (filter) {
      const [repo, tag] = filter.split(/:(?=[^:/]*$)/);
      rows = rows.filter((r) => r.repository === repo && (tag === undefined || r.tag === tag));
    }
    if (values.quiet) {
      write([...new Set(rows.map((r) => r.id.slice(7, 19)))].map((id) => `${id}\n`).join(''));
    } else if (values.format === 'json') {
      for (const r of rows)
        write(
          `${JSON.stringify({ Repository: r.repository, Tag: r.tag, ID: r.id.slice(7, 19), Digest: r.digest, CreatedAt: r.created ?? '', Size: formatSize(r.size) })}\n`,
        );
    } else if (values.format === undefined || values.format === 'table') {
      const header = [
        'REPOSITORY',
        'TAG',
        ...(values.digests ? ['DIGEST'] : []),
        'IMAGE ID',
        'CREATED',
        'SIZE',
      ];
      write(
        formatTable(
          header,
          rows.map((r) => [
            r.repository,
            r.tag,
            ...(values.digests ? [r.digest] : []),
            r.id.slice(7, 19),
            timeAgo(r.created),
            formatSize(r.size),
          ]),
        ),
      );
    } else throw new UsageError(`--format must be table or json, not "${values.format}"`);
    return 0;
  } finally {
    store.close();
  }
};

/** berth rmi [-f] IMAGE... */
export const rmi: Command = async (args, g) => {
  const { values, positionals } = parseCommand('rmi', args, { force: { type: 'boolean', short: 'f' } }, [
    'image',
    'more...',
  ]);
  const store = openImages(g);
  let failed = 0;
  try {
    for (const name of positionals) {
      try {
        const result = store.remove(name, { force: values.force === true });
        for (const u of result.untagged) write(`Untagged: ${u}\n`);
        for (const d of result.deleted) write(`Deleted: ${d}\n`);
      } catch (error) {
        process.stderr.write(`Error response from daemon: ${(error as Error).message}\n`);
        failed++;
      }
    }
    return failed ? 1 : 0;
  } finally {
    store.close();
  }
};

/** berth tag SOURCE TARGET */
export const tag: Command = async (args, g) => {
  const { positionals } = parseCommand('tag', args, {}, ['source', 'target']);
  const store = openImages(g);
  try {
    store.tag(positionals[0], positionals[1]);
    return 0;
  } finally {
    store.close();
  }
};

/** berth history [--no-trunc] [-q] IMAGE */
export const history: Command = async (args, g) => {
  const { values, positionals } = parseCommand(
    'history',
    args,
    { 'no-trunc': { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' } },
    ['image'],
  );
  const store = openImages(g);
  try {
    const rows = store.history(positionals[0]);
    const short = (id: string) => (id.startsWith('sha256:') && !values['no-trunc'] ? id.slice(7, 19) : id);
    if (values.quiet) write(rows.map((r) => `${short(r.id)}\n`).join(''));
    else {
      const by = (s: string) => (values['no-trunc'] || s.length <= 45 ? s : `${s.slice(0, 44)}…`);
      write(
        formatTable(
          ['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'],
          rows.map((r) => [short(r.id), timeAgo(r.created), by(r.createdBy), formatSize(r.size), r.comment]),
        ),
      );
    }
    return 0;
  } finally {
    store.close();
  }
};

/** berth image inspect IMAGE... */
export const inspect: Command = async (args, g) => {
  const { positionals } = parseCommand('inspect', args, { format: { type: 'string', short: 'f' } }, [
    'image',
    'more...',
  ]);
  const store = openImages(g);
  try {
    write(
      `${JSON.stringify(
        positionals.map((n) => store.inspect(n)),
        null,
        4,
      )}\n`,
    );
    return 0;
  } finally {
    store.close();
  }
};

/** berth image prune [-a] [-f] */
export const prune: Command = async (args, g) => {
  const { values } = parseCommand(
    'image prune',
    args,
    { all: { type: 'boolean', short: 'a' }, force: { type: 'boolean', short: 'f' } },
    [],
  );
  const store = openImages(g);
  try {
    const result = store.prune({ all: values.all === true });
    if (result.deleted.length)
      write(`Deleted Images:\n${result.deleted.map((d) => `deleted: ${d}\n`).join('')}\n`);
    write(`Total reclaimed space: ${formatSize(result.reclaimedBytes)}\n`);
    return 0;
  } finally {
    store.close();
  }
};

/** berth builder prune */
export const builderPrune: Command = async (args, g) => {
  parseCommand(
    'builder prune',
    args,
    { all: { type: 'boolean', short: 'a' }, force: { type: 'boolean', short: 'f' } },
    [],
  );
  const store = openImages(g);
  try {
    write(`Deleted build cache objects: ${store.pruneBuildCache()}\n`);
    return 0;
  } finally {
    store.close();
  }
};
