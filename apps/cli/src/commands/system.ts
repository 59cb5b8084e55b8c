/** berth version, info, events, system df, system prune. */
import { formatSize } from '@berth/cli-support/progress';
import { compileTemplate } from '@berth/cli-support/template';
import { RpcError } from '@berth/proto/status';
import { command, daemonMessage, engine, write } from '../context';
import { parseTimeFlag } from './container-logs';

export const CLI_VERSION = '0.1.0';

/** berth version [--format F] */
export const version = command(
  { name: 'version', options: { format: { type: 'string', short: 'f' } }, operands: [] },
  async ({ values }, g) => {
    const client = {
      Version: CLI_VERSION,
      Os: process.platform,
      Arch: process.arch,
      NodeVersion: process.version,
    };
    let server: Record<string, string> | null = null;
    let failure: RpcError | null = null;
    try {
      const v = await engine(g).call('Version', {});
      server = {
        Version: v.version,
        ApiVersion: v.apiVersion,
        Os: v.os,
        Arch: v.arch,
        KernelVersion: v.kernel,
        CgroupVersion: v.cgroupMode,
        NodeVersion: v.nodeVersion,
      };
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      failure = error;
    }
    if (values.format)
      write(`${compileTemplate(values.format as string)({ Client: client, Server: server })}\n`);
    else {
      write(
        `Client:\n Version:\t${client.Version}\n OS/Arch:\t${client.Os}/${client.Arch}\n Node.js:\t${client.NodeVersion}\n`,
      );
      if (server)
        write(
          `\nServer:\n Engine:\n  Version:\t${server.Version}\n  API version:\t${server.ApiVersion}\n  OS/Arch:\t${server.Os}/${server.Arch}\n  Kernel:\t${server.KernelVersion}\n  Cgroups:\t${server.CgroupVersion}\n  Node.js:\t${server.NodeVersion}\n`,
        );
    }
    if (failure) {
      process.stderr.write(`${daemonMessage(failure)}\n`);
      return 1;
    }
    return 0;
  },
);

/** berth info [--format F] */
export const info = command(
  { name: 'info', options: { format: { type: 'string', short: 'f' } }, operands: [] },
  async ({ values }, g) => {
    const doc = JSON.parse((await engine(g).call('Info', {})).json) as Record<string, unknown>;
    if (values.format) {
      write(
        `${values.format === 'json' ? JSON.stringify(doc) : compileTemplate(values.format as string)(doc)}\n`,
      );
      return 0;
    }
    const lines = [
      'Server:',
      ` Containers: ${doc.Containers}`,
      `  Running: ${doc.ContainersRunning}`,
      `  Paused: ${doc.ContainersPaused}`,
      `  Stopped: ${doc.ContainersStopped}`,
      ` Images: ${doc.Images}`,
      ` Server Version: ${doc.ServerVersion}`,
      ` Storage Driver: ${doc.Driver}`,
      ` Logging Driver: ${doc.LoggingDriver}`,
      ` Cgroup Driver: ${doc.CgroupDriver}`,
      ` Cgroup Version: ${doc.CgroupVersion}`,
      ` Runtime: ${doc.DefaultRuntime}`,
      ` Live Restore Enabled: ${doc.LiveRestoreEnabled}`,
      ` Kernel Version: ${doc.KernelVersion}`,
      ` Operating System: ${doc.OperatingSystem}`,
      ` Architecture: ${doc.Architecture}`,
      ` CPUs: ${doc.NCPU}`,
      ` Total Memory: ${formatSize(Number(doc.MemTotal))}`,
      ` Name: ${doc.Name}`,
      ` Docker Root Dir: ${doc.DockerRootDir}`,
      ` Exec Root: ${doc.ExecRoot}`,
      ` Networks: ${(doc.Networks as string[]).join(' ')}`,
      ` Insecure Registries: ${(doc.InsecureRegistries as string[]).join(' ') || '(loopback only)'}`,
      ...clusterLines(doc.Swarm as Record<string, string> | undefined),
    ];
    write(`${lines.join('\n')}\n`);
    return 0;
  },
);

function clusterLines(swarm: Record<string, string> | undefined): string[] {
  if (!swarm) return [];
  if (swarm.LocalNodeState !== 'active') return [' Cluster: inactive'];
  return [
    ' Cluster: active',
    `  NodeID: ${swarm.NodeID}`,
    `  Cluster ID: ${swarm.ClusterID}`,
    `  Role: ${swarm.Role}`,
    `  Manager: ${swarm.ManagerAddr}`,
  ];
}

/** berth events [--since T] [--until T] [-f K=V]... [--format F] */
export const events = command(
  {
    name: 'events',
    options: {
      since: { type: 'string' },
      until: { type: 'string' },
      filter: { type: 'string', short: 'f', multiple: true },
      format: { type: 'string' },
    },
    operands: [],
  },
  async ({ values }, g) => {
    const format = values.format as string | undefined;
    const render = format && format !== 'json' ? compileTemplate(format) : null;
    const stream = engine(g).stream('Events', {
      sinceMs: values.since ? parseTimeFlag(values.since as string) : 0,
      untilMs: values.until ? parseTimeFlag(values.until as string) : 0,
      filters: (values.filter as string[] | undefined) ?? [],
    });
    for await (const e of stream) {
      const time = new Date(e.timeNano / 1e6).toISOString().replace('Z', '000000Z');
      const doc = {
        Type: e.type,
        Action: e.action,
        Actor: { ID: e.id, Attributes: e.attributes },
        time: Math.floor(e.timeNano / 1e9),
        timeNano: e.timeNano,
      };
      if (format === 'json') write(`${JSON.stringify(doc)}\n`);
      else if (render) write(`${render(doc)}\n`);
      else {
        const attrs = Object.entries(e.attributes)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => `${k}=${v}`)
          .join(', ');
        write(`${time} ${e.type} ${e.action} ${e.id}${attrs ? ` (${attrs})` : ''}\n`);
      }
    }
    return 0;
  },
);

/** berth system df [-v] */
export const df = command(
  {
    name: 'system df',
    options: { verbose: { type: 'boolean', short: 'v' }, format: { type: 'string' } },
    operands: [],
  },
  async (_, g) => {
    const doc = JSON.parse((await engine(g).call('DiskUsage', {})).json) as {
      LayersSize: number;
      Images: { Size: number }[];
      Containers: { SizeRw: number; State: string }[];
      Volumes: { Size: number }[];
    };
    const { formatTable } = await import('@berth/cli-support/args');
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    write(
      formatTable(
        ['TYPE', 'TOTAL', 'ACTIVE', 'SIZE'],
        [
          ['Images', String(doc.Images.length), '', formatSize(doc.LayersSize)],
          [
            'Containers',
            String(doc.Containers.length),
            String(doc.Containers.filter((c) => c.State === 'running').length),
            formatSize(sum(doc.Containers.map((c) => c.SizeRw))),
          ],
          ['Local Volumes', String(doc.Volumes.length), '', formatSize(sum(doc.Volumes.map((v) => v.Size)))],
        ],
      ),
    );
    return 0;
  },
);

/** berth system prune [-a] [--volumes] [-f] */
export const prune = command(
  {
    name: 'system prune',
    options: {
      all: { type: 'boolean', short: 'a' },
      volumes: { type: 'boolean' },
      force: { type: 'boolean', short: 'f' },
    },
    operands: [],
  },
  async ({ values }, g) => {
    const result = await engine(g).call('SystemPrune', {
      all: values.all === true,
      volumes: values.volumes === true,
    });
    if (result.deleted.length) write(`Deleted:\n${result.deleted.map((d) => `${d}\n`).join('')}\n`);
    write(`Total reclaimed space: ${formatSize(result.reclaimedBytes)}\n`);
    return 0;
  },
);
