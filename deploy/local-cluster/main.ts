/**
 * The local cluster's command line (`npm run up` / `npm run down`):
 *   node dist/deploy/local-cluster/main.js up [--machines 5] [--managers 3] [--state-dir D] [--tag T] [--no-outbound]
 *   node dist/deploy/local-cluster/main.js down [--state-dir D]
 *   node dist/deploy/local-cluster/main.js status [--state-dir D]
 */
import { parseCommand, UsageError } from '@berth/cli-support';
import { downCluster, upCluster } from './cluster';
import { LocalClusterError } from './errors';
import { FABRIC_CANDIDATES } from './names';
import { deployDemo } from './demo';
import { describeDown, describeStatus, describeUp } from './report';
import { ClusterStore, DEFAULT_STATE_DIR, withStateLock } from './state';

const USAGE = `Usage: npm run up [-- OPTIONS]      (node dist/deploy/local-cluster/main.js up [OPTIONS])
       npm run down [-- --state-dir DIR]
       node dist/deploy/local-cluster/main.js status [--state-dir DIR]

A local Berth cluster on this machine: a bridge (the fabric) and machines —
network namespaces on the fabric, each with its own agent (bin/berthd). The
first machines are managers: each also runs an etcd member and berth-manager,
as a manager machine of a real cluster does. Redis is on the fabric's gateway.
down removes exactly what up made, from its state dir.

Options:
  --machines N      how many machines (default 5)
  --managers K      how many of them are managers: 1, 3 or 5 (default 3)
  --state-dir DIR   where the cluster's record, roots and logs go (default ${DEFAULT_STATE_DIR})
  --tag TAG         in every name the cluster makes, 1-6 of [a-z0-9] (default local)
  --no-outbound     machines reach only each other and the host (no masquerade to the outside)
  --no-demo         leave the cluster empty (no busybox image, no 'hello' service)
  --dashboard       the managers serve the dashboard on their address, port 7381 (the
                    token is in each manager's dashboard.token)
`;

const OPTIONS = {
  machines: { type: 'string' },
  managers: { type: 'string' },
  'state-dir': { type: 'string' },
  tag: { type: 'string' },
  'no-outbound': { type: 'boolean' },
  'no-demo': { type: 'boolean' },
  dashboard: { type: 'boolean' },
} as const;

/** The fabric tries 10.210.0.0/24 first (see names.ts). */
const UP_SUBNET_START = 10 * 256;

const print = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n`);
const say = (line: string) => process.stderr.write(`${line}\n`);

function downCommand(stateDir: string): string {
  return stateDir === DEFAULT_STATE_DIR ? 'npm run down' : `npm run down -- --state-dir ${stateDir}`;
}

async function up(stateDir: string, values: Record<string, unknown>): Promise<void> {
  const state = await withStateLock(stateDir, () =>
    upCluster({
      stateDir,
      machines: Number(values.machines ?? 5),
      managers: Number(values.managers ?? 3),
      tag: String(values.tag ?? 'local'),
      outbound: !values['no-outbound'],
      dashboard: !!values.dashboard,
      subnetStart: UP_SUBNET_START % FABRIC_CANDIDATES,
      ports: { redis: 6379 },
      say,
    }),
  );
  const demo = values['no-demo'] ? [] : await deployDemo(state, say);
  print(describeUp(state, downCommand(state.stateDir), demo));
}

async function down(stateDir: string): Promise<number> {
  const report = await withStateLock(stateDir, () => downCluster(stateDir));
  print(describeDown(stateDir, report));
  return report.leftovers.length ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || rest.includes('--help')) {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const { values } = parseCommand(command, rest, OPTIONS, []);
  const stateDir = String(values['state-dir'] ?? DEFAULT_STATE_DIR);
  if (process.getuid?.() !== 0)
    throw new LocalClusterError('the local cluster makes namespaces, links and cgroups: run it as root');
  switch (command) {
    case 'up':
      await up(stateDir, values);
      return 0;
    case 'down':
      return down(stateDir);
    case 'status':
      print(describeStatus(ClusterStore.open(stateDir).state));
      return 0;
    default:
      throw new UsageError(`unknown command "${command}": use up, down or status`);
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const known = error instanceof LocalClusterError || error instanceof UsageError;
    say(`local-cluster: ${known ? (error as Error).message : ((error as Error).stack ?? String(error))}`);
    if (error instanceof UsageError) say(`See: node dist/deploy/local-cluster/main.js --help`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
