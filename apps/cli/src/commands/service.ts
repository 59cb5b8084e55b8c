/** berth service create|ls|ps|inspect|scale|update|rollback|rm|logs — Docker's service verbs, on the manager (exec: service-exec.ts). */
import * as fs from 'node:fs';
import { UsageError } from '@berth/cli-support/args';
import {
  applyFlags,
  decodeFileObjectView,
  decodeNetwork,
  decodeService,
  dockerService,
  scaledSpec,
  type FileDirectory,
  type FileObjectKind,
  type Service,
} from '@berth/cluster';
import { RpcError } from '@berth/proto/status';
import { command, forEach, write, type Globals } from '../context';
import { decodeAnswer, decodeAnswers } from '../decode-answers';
import { manager } from '../manager';
import { printDocuments } from '../output';
import { servicePretty } from '../cluster-views/service-pretty';
import { getService, nodesById, updateSpec } from './service-calls';
import { SERVICE_FLAGS, UPDATE_FLAGS, asUsage, serviceSpec } from './service-flags';
import { converge, followRollout } from './service-progress';

export { ls, ps } from './service-lists';

function randomName(image: string): string {
  const base =
    image
      .split('/')
      .pop()!
      .split(/[:@]/)[0]
      .replace(/[^a-zA-Z0-9_.-]/g, '') || 'service';
  return `${base}-${Math.random().toString(36).slice(2, 7)}`;
}

export const create = command(
  {
    name: 'service create',
    options: SERVICE_FLAGS,
    operands: ['image', 'command?', 'arg...'],
    interspersed: false,
  },
  async ({ values, positionals }, g) => {
    const spec = serviceSpec(values, positionals, {
      env: process.env,
      readFile: (f) => fs.readFileSync(f, 'utf8'),
      cwd: process.cwd(),
      durationNs: () => 0,
    });
    if (!spec.name) spec.name = randomName(spec.task.container.image);
    const service = decodeAnswer(
      (await manager(g).call('CreateService', { specJson: JSON.stringify(spec) })).json,
      decodeService,
    );
    write(`${service.id}\n`);
    if (values.detach) return 0;
    return converge(g, service.id, !!values.quiet);
  },
);

export const inspect = command(
  {
    name: 'service inspect',
    options: { format: { type: 'string', short: 'f' }, pretty: { type: 'boolean' } },
    operands: ['service+'],
  },
  async ({ values, positionals }, g) => {
    if (values.pretty && values.format)
      throw new UsageError('--format is incompatible with human friendly format');
    const services: Service[] = [];
    const code = await forEach(positionals, async (ref) => {
      services.push(await getService(g, ref));
      return null;
    });
    if (!services.length) return code;
    if (!values.pretty) {
      const files = await fileDirectory(g, services);
      printDocuments(
        services.map((s) => dockerService(s, { files })),
        values.format as string | undefined,
      );
    } else {
      const context = { networkNames: await networkNames(g, services), now: Date.now() };
      write(services.map((s) => servicePretty(s, context)).join(''));
    }
    return code;
  },
);

/** The secrets and configs SERVICES use, for their ids in Docker's references (asked only when they use some). */
async function fileDirectory(g: Globals, services: Service[]): Promise<FileDirectory> {
  const uses = (kind: FileObjectKind) =>
    services.some((s) => s.spec.task.container[kind]?.length || s.previousSpec?.task.container[kind]?.length);
  const list = async (kind: FileObjectKind) =>
    uses(kind)
      ? decodeAnswers((await manager(g).call('ListFileObjects', { kind })).json, decodeFileObjectView)
      : [];
  return { secrets: await list('secrets'), configs: await list('configs') };
}

/** The names of the networks SERVICES are on, by id, as `--pretty` shows them. */
async function networkNames(g: Globals, services: Service[]): Promise<Map<string, string>> {
  if (!services.some((s) => s.spec.networks?.length)) return new Map();
  const networks = decodeAnswers(
    (await manager(g).call('ListNetworks', { filters: {} })).json,
    decodeNetwork,
  );
  return new Map(networks.map((n) => [n.id, n.spec.name]));
}

export const scale = command(
  {
    name: 'service scale',
    options: { detach: { type: 'boolean', short: 'd' } },
    operands: ['service=replicas+'],
  },
  async ({ values, positionals }, g) => {
    let failed = 0;
    const scaled: string[] = [];
    for (const pair of positionals) {
      const m = /^([^=]+)=(\d+)$/.exec(pair);
      if (!m) throw new UsageError(`service scale: invalid scale specifier '${pair}': use SERVICE=REPLICAS`);
      try {
        await updateSpec(g, m[1], (spec) => asUsage(() => scaledSpec(spec, Number(m[2]), m[1])));
        write(`${m[1]} scaled to ${m[2]}\n`);
        scaled.push(m[1]);
      } catch (error) {
        if (!(error instanceof RpcError) && !(error instanceof UsageError)) throw error;
        process.stderr.write(`${error.message}\n`);
        failed++;
      }
    }
    if (!values.detach) for (const name of scaled) await converge(g, name, false);
    return failed ? 1 : 0;
  },
);

export const update = command(
  { name: 'service update', options: UPDATE_FLAGS, operands: ['service'] },
  async ({ values, positionals }, g) => {
    const service = await updateSpec(g, positionals[0], (spec) => asUsage(() => applyFlags(spec, values)));
    write(`${positionals[0]}\n`);
    if (values.detach) return 0;
    return service.updateStatus?.state === 'updating'
      ? followRollout(g, service.id, service.specVersion, !!values.quiet)
      : converge(g, service.id, !!values.quiet);
  },
);

export const rollback = command(
  {
    name: 'service rollback',
    options: { detach: { type: 'boolean', short: 'd' }, quiet: { type: 'boolean', short: 'q' } },
    operands: ['service'],
  },
  async ({ values, positionals }, g) => {
    const service = decodeAnswer(
      (await manager(g).call('RollbackService', { ref: positionals[0] })).json,
      decodeService,
    );
    write(`${positionals[0]}\n`);
    if (values.detach) return 0;
    return followRollout(g, service.id, service.specVersion, !!values.quiet);
  },
);

export const rm = command(
  { name: 'service rm', options: {}, operands: ['service+'] },
  async ({ positionals }, g) => {
    return forEach(positionals, async (ref) => {
      await manager(g).call('RemoveService', { ref, force: false });
      return ref;
    });
  },
);

export const logs = command(
  {
    name: 'service logs',
    options: {
      follow: { type: 'boolean', short: 'f' },
      tail: { type: 'string', short: 'n' },
      since: { type: 'string' },
      timestamps: { type: 'boolean', short: 't' },
      raw: { type: 'boolean' },
      'no-task-ids': { type: 'boolean' },
    },
    operands: ['service'],
  },
  async ({ values, positionals }, g) => {
    const tail = values.tail === undefined || values.tail === 'all' ? -1 : Number(values.tail);
    const nodes = await nodesById(g);
    const service = await getService(g, positionals[0]);
    for await (const record of manager(g).stream('ServiceLogs', {
      service: service.id,
      follow: !!values.follow,
      tail,
      sinceUnixMs: 0,
      timestamps: !!values.timestamps,
    })) {
      const when = values.timestamps ? `${new Date(Number(record.timeUnixNano) / 1e6).toISOString()} ` : '';
      const task = values['no-task-ids'] ? '' : `.${record.taskId.slice(0, 12)}`;
      const prefix = values.raw
        ? ''
        : `${service.spec.name}.${record.slot || record.nodeId}${task}@${nodes.get(record.nodeId)?.description.hostname ?? record.nodeId}    | `;
      (record.stream === 2 ? process.stderr : process.stdout).write(
        `${when}${prefix}${Buffer.from(record.data).toString()}`,
      );
    }
    return 0;
  },
);
