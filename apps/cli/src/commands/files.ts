/**
 * berth secret|config create|ls|inspect|rm — Docker's verbs for secrets and configs, kept by the
 * manager. A secret's content never comes back; a config's does (`config inspect --pretty`).
 */
import * as fs from 'node:fs';
import { keyValues, timeAgo } from '@berth/cli-support/args';
import { decodeAnswer, decodeAnswers } from '../decode-answers';
import {
  decodeFileObjectView,
  dockerConfig,
  dockerSecret,
  FILE_OBJECT_WORD,
  type FileObject,
  type FileObjectKind,
} from '@berth/cluster';
import { command, ExitError, forEach, write, type Command, type Globals } from '../context';
import { manager } from '../manager';
import { printDocuments, printListing } from '../output';

type Shown = Omit<FileObject, 'data'> & { data?: string };

async function readContent(file: string): Promise<Buffer> {
  if (file !== '-') {
    try {
      return fs.readFileSync(file);
    } catch (error) {
      throw new ExitError(
        `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        1,
      );
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function list(g: Globals, kind: FileObjectKind): Promise<Shown[]> {
  return decodeAnswers((await manager(g).call('ListFileObjects', { kind })).json, decodeFileObjectView);
}

function commandsFor(kind: FileObjectKind): Record<'create' | 'ls' | 'inspect' | 'rm', Command> {
  const what = FILE_OBJECT_WORD[kind];
  return {
    create: command(
      {
        name: `${what} create`,
        options: { label: { type: 'string', short: 'l', multiple: true } },
        operands: [what, 'file|-'],
      },
      async ({ values, positionals }, g) => {
        const [name, file] = positionals;
        const data = await readContent(file);
        const reply = await manager(g).call('CreateFileObject', {
          kind,
          specJson: JSON.stringify({ name, labels: keyValues(values.label) }),
          data,
        });
        write(`${decodeAnswer(reply.json, decodeFileObjectView).id}\n`);
        return 0;
      },
    ),

    ls: command(
      {
        name: `${what} ls`,
        options: {
          quiet: { type: 'boolean', short: 'q' },
          format: { type: 'string' },
          filter: { type: 'string', short: 'f', multiple: true },
        },
        operands: [],
      },
      async ({ values }, g) => {
        const filters = keyValues(values.filter);
        const rows = (await list(g, kind))
          .filter((o) => !filters.name || o.spec.name.startsWith(filters.name))
          .filter((o) => !filters.id || o.id.startsWith(filters.id))
          .filter((o) => !filters.label || labelMatches(o.spec.labels, filters.label))
          .map((o) => ({
            ID: o.id,
            Name: o.spec.name,
            CreatedAt: timeAgo(new Date(o.meta.createdAt).toISOString()),
            UpdatedAt: timeAgo(new Date(o.meta.updatedAt).toISOString()),
            Labels: Object.entries(o.spec.labels)
              .map(([k, v]) => `${k}=${v}`)
              .join(','),
          }));
        printListing(
          rows,
          {
            table: 'table {{.ID}}\t{{.Name}}\t{{.CreatedAt}}\t{{.UpdatedAt}}',
            headers: { CreatedAt: 'CREATED', UpdatedAt: 'UPDATED' },
          },
          { format: values.format as string | undefined, quiet: !!values.quiet },
        );
        return 0;
      },
    ),

    inspect: command(
      {
        name: `${what} inspect`,
        options: { format: { type: 'string', short: 'f' }, pretty: { type: 'boolean' } },
        operands: [`${what}+`],
      },
      async ({ values, positionals }, g) => {
        const documents: Shown[] = [];
        const code = await forEach(positionals, async (ref) => {
          documents.push(
            decodeAnswer((await manager(g).call('GetFileObject', { kind, ref })).json, decodeFileObjectView),
          );
          return null;
        });
        if (values.pretty)
          for (const d of documents)
            write(
              `ID:              ${d.id}\nName:            ${d.spec.name}\n` +
                `Labels:          ${Object.entries(d.spec.labels)
                  .map(([k, v]) => `\n - ${k}=${v}`)
                  .join('')}\n` +
                `Created at:      ${new Date(d.meta.createdAt).toISOString()}\n` +
                (d.data === undefined ? '' : `Data:\n${Buffer.from(d.data, 'base64').toString('utf8')}\n`),
            );
        else if (documents.length)
          printDocuments(
            documents.map((d) => (kind === 'secrets' ? dockerSecret(d) : dockerConfig(d))),
            values.format as string | undefined,
          );
        return code;
      },
    ),

    rm: command({ name: `${what} rm`, options: {}, operands: [`${what}+`] }, async ({ positionals }, g) => {
      return forEach(positionals, async (ref) => {
        await manager(g).call('RemoveFileObject', { kind, ref });
        return ref;
      });
    }),
  };
}

function labelMatches(labels: Record<string, string>, filter: string): boolean {
  const eq = filter.indexOf('=');
  return eq < 0 ? filter in labels : labels[filter.slice(0, eq)] === filter.slice(eq + 1);
}

export const secret = commandsFor('secrets');
export const config = commandsFor('configs');
