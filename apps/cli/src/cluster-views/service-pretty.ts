/**
 * `berth service inspect --pretty`: docker's human-friendly summary of a service, line for line
 * as docker's template prints it (cli/command/service/formatter.go), trailing spaces included;
 * a section with nothing in it is left out, as docker leaves it out. Pure.
 */
import { humanDuration } from '@berth/cli-support/args';
import { formatBinarySize, formatDuration } from '@berth/cluster/units';
import type {
  ContainerSpec,
  EndpointSpec,
  HealthCheck,
  Placement,
  Service,
  ServiceSpec,
  TaskSpec,
  UpdateConfig,
  UpdateStatus,
} from '@berth/cluster';

export interface PrettyContext {
  /** network id → name, for the networks the service is on */
  networkNames: ReadonlyMap<string, string>;
  /** epoch ms, for the update status's "3 minutes ago" */
  now: number;
}

/** One service's summary, starting with docker's empty line. */
export function servicePretty(service: Service, ctx: PrettyContext): string {
  const { spec } = service;
  const lines = [
    '',
    `ID:\t\t${service.id}`,
    `Name:\t\t${spec.name}`,
    ...section('Labels:', pairs(spec.labels, '=')),
    ...modeLines(spec),
    ...updateStatusLines(service.updateStatus, ctx.now),
    'Placement:',
    ...placementLines(spec.task.placement),
    ...rolloutLines('UpdateConfig:', 'Update order:      ', spec.updateConfig),
    ...rolloutLines('RollbackConfig:', 'Rollback order:    ', spec.rollbackConfig),
    ...containerLines(spec.task.container),
    ...resourceLines(spec.task.resources),
    ...networkLines(spec, ctx.networkNames),
    `Endpoint Mode:\t${spec.endpoint.mode}`,
  ];
  return `${lines.join('\n')}${portsText(spec.endpoint)}${healthText(spec.task.container.healthcheck)}\n`;
}

/** HEADING and LINES, or nothing when there are no lines. */
function section(heading: string, lines: string[]): string[] {
  return lines.length ? [heading, ...lines] : [];
}

/** " key=value" lines sorted by key, as Go ranges over a map; a key alone when its value is empty. */
function pairs(map: Record<string, string> | undefined, separator: string): string[] {
  return Object.keys(map ?? {})
    .sort()
    .map((k) => ` ${k}${map![k] ? `${separator}${map![k]}` : ''}`);
}

/** Go's %v of a string slice: "[a b]". */
const goList = (items: string[]) => `[${items.join(' ')}]`;

const durationOf = (ms: number) => formatDuration(ms * 1e6);

function modeLines(spec: ServiceSpec): string[] {
  if ('global' in spec.mode) return ['Service Mode:\tGlobal'];
  return ['Service Mode:\tReplicated', ` Replicas:\t${spec.mode.replicated.replicas}`];
}

function updateStatusLines(status: UpdateStatus | undefined, now: number): string[] {
  if (!status?.state) return [];
  const ago = (at: number) => `${humanDuration(Math.max(0, now - at))} ago`;
  return [
    'UpdateStatus:',
    ` State:\t\t${status.state}`,
    ...(status.startedAt ? [` Started:\t${ago(status.startedAt)}`] : []),
    ...(status.state === 'completed' && status.completedAt
      ? [` Completed:\t${ago(status.completedAt)}`]
      : []),
    ` Message:\t${status.message}`,
  ];
}

function placementLines(placement: Placement): string[] {
  const lines: string[] = [];
  if (placement.constraints.length) lines.push(` Constraints:\t${goList(placement.constraints)}`);
  if (placement.preferences.length)
    lines.push(` Preferences:   ${goList(placement.preferences.map((p) => `spread=${p.spread}`))}`);
  if (placement.maxReplicasPerNode) lines.push(` Max Replicas Per Node:   ${placement.maxReplicasPerNode}`);
  return lines;
}

function rolloutLines(heading: string, orderLabel: string, config: UpdateConfig | undefined): string[] {
  if (!config) return [];
  return [
    heading,
    ` Parallelism:\t${config.parallelism}`,
    ...(config.delayMs > 0 ? [` Delay:\t\t${durationOf(config.delayMs)}`] : []),
    ` On failure:\t${config.failureAction}`,
    ...(config.monitorMs > 0 ? [` Monitoring Period: ${durationOf(config.monitorMs)}`] : []),
    ` Max failure ratio: ${config.maxFailureRatio}`,
    ` ${orderLabel}${config.order}`,
  ];
}

function containerLines(c: ContainerSpec): string[] {
  const words = (items: string[]) => items.map((item) => `${item} `).join('');
  return [
    'ContainerSpec:',
    ` Image:\t\t${c.image}`,
    ...(c.args.length ? [` Args:\t\t${words(c.args)}`] : []),
    ...(c.env.length ? [` Env:\t\t${words(c.env)}`] : []),
    ...(c.workdir ? [` Dir:\t\t${c.workdir}`] : []),
    ...(c.init ? [' Init:\t\ttrue'] : []),
    ...(c.user ? [` User: ${c.user}`] : []),
    ...section('Capabilities:', [
      ...(c.capAdd?.length ? [` Add: ${c.capAdd.join(', ')}`] : []),
      ...(c.capDrop?.length ? [` Drop: ${c.capDrop.join(', ')}`] : []),
    ]),
    ...section('SysCtls:', pairs(c.sysctls, ': ')),
    ...section(
      'Ulimits:',
      pairs(Object.fromEntries((c.ulimits ?? []).map((u) => [u.name, `${u.soft}:${u.hard}`])), ': '),
    ),
    ...section(
      'Mounts:',
      c.mounts.flatMap((m) => [
        ` Target:\t${m.target}`,
        `  Source:\t${m.source}`,
        `  ReadOnly:\t${m.readOnly}`,
        `  Type:\t\t${m.type}`,
      ]),
    ),
    ...section('Configs:', fileLines(c.configs)),
    ...section('Secrets:', fileLines(c.secrets)),
  ];
}

function fileLines(references: ContainerSpec['secrets']): string[] {
  return (references ?? []).flatMap((r) => [` Target:\t${r.target}`, `  Source:\t${r.source}`]);
}

function resourceLines({ limits, reservations }: TaskSpec['resources']): string[] {
  const amounts = (heading: string, r: typeof limits) =>
    section(heading, [
      ...(r.nanoCpus > 0 ? [`  CPU:\t\t${r.nanoCpus / 1e9}`] : []),
      ...(r.memoryBytes > 0 ? [`  Memory:\t${formatBinarySize(r.memoryBytes)}`] : []),
    ]);
  return section('Resources:', [...amounts(' Reservations:', reservations), ...amounts(' Limits:', limits)]);
}

/** "Networks: front back " — docker ends the line with a space. */
function networkLines(spec: ServiceSpec, names: ReadonlyMap<string, string>): string[] {
  const networks = spec.networks ?? [];
  if (!networks.length) return [];
  return [`Networks:${networks.map((n) => ` ${names.get(n.target) ?? n.target}`).join('')} `];
}

/** The published ports, each a block; docker ends the last line with a space. */
function portsText(endpoint: EndpointSpec): string {
  if (!endpoint.ports.length) return '';
  const blocks = endpoint.ports.map(
    (p) =>
      `\n PublishedPort = ${p.publishedPort}\n  Protocol = ${p.protocol}\n  TargetPort = ${p.targetPort}\n  PublishMode = ${p.publishMode}`,
  );
  return `\nPorts:${blocks.join('')} `;
}

/** The health check, indented under the ports as docker's template has it. */
function healthText(health: HealthCheck | null): string {
  if (!health) return '';
  const text =
    `\n Healthcheck:\n  Interval = ${durationOf(health.intervalMs)}\n  Retries = ${health.retries}` +
    `\n  StartPeriod =\t${durationOf(health.startPeriodMs)}\n  Timeout =\t${durationOf(health.timeoutMs)}`;
  if (!health.test.length) return text;
  return `${text}\n  Tests:${health.test.map((t) => `\n\t Test = ${t}`).join('')} `;
}
