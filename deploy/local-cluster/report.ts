/** What `up`, `down` and `status` print about a cluster. Pure but for the liveness checks of `status`. */
import { DASHBOARD_PORT } from './manager';
import * as os from 'node:os';
import * as path from 'node:path';
import { linkExists, netnsExists } from './host';
import { isRunning } from './processes';
import { AGENT_METRICS_PORT } from './agent';
import { MANAGER_METRICS_PORT } from './manager';
import type { ClusterState, MachineRecord, ProcessRecord, ServiceName, ServiceRecord } from './state';
import type { DownReport } from './cluster';

const pad = (text: string, width: number) => text.padEnd(width);

function serviceLine(name: string, service: ServiceRecord | undefined, live: boolean): string {
  if (!service) return `  ${pad(name, 11)}none`;
  return `  ${pad(name, 11)}${service.endpoint}${live ? `  ${processState(service.process)}` : ''}`;
}

function processState(p: ProcessRecord | null): string {
  return p && isRunning(p) ? `running (pid ${p.pid})` : 'NOT RUNNING';
}

function machineLines(machines: readonly MachineRecord[], live: boolean): string[] {
  const lines = [`  ${pad('machine', 9)}${pad('address', 15)}${pad('netns', 18)}engine`];
  for (const m of machines) {
    const state = live
      ? `  agent ${processState(m.agent)}${netnsExists(m.netns) ? '' : ', NETNS MISSING'}`
      : '';
    lines.push(`  ${pad(m.name, 9)}${pad(m.address, 15)}${pad(m.netns, 18)}unix://${m.socket}${state}`);
  }
  return lines;
}

function overview(state: ClusterState, live: boolean): string[] {
  const f = state.fabric;
  const fabric = f
    ? `bridge ${f.bridge}, ${f.gateway}/24${live && !linkExists(f.bridge) ? '  MISSING' : ''}${state.outbound ? ', outbound through the host' : ', fabric only'}`
    : 'none';
  return [
    `  ${pad('fabric', 9)}${fabric}`,
    ...(Object.keys(state.services) as ServiceName[])
      .filter((name) => name.startsWith('etcd') || name.startsWith('manager'))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .map((name) => serviceLine(name, state.services[name], live)),
    serviceLine('redis', state.services.redis, live),
    '',
    ...machineLines(state.machines, live),
  ];
}

export function describeUp(state: ClusterState, downCommand: string, demo: readonly string[] = []): string[] {
  const first = state.machines[0];
  const context = state.cliContext;
  const cli =
    context && context.configDir !== defaultCliConfigDir()
      ? `bin/berth --config ${context.configDir}`
      : 'bin/berth';
  return [
    `Berth local cluster "${state.tag}" is up (state: ${state.stateDir}/cluster.json)`,
    '',
    ...overview(state, false),
    '',
    ...(context
      ? [`The CLI's context "${context.name}" points at its managers, so these work as they are:`]
      : []),
    ...(context
      ? [
          `  ${cli} node ls                      # m1-m${state.managers ?? 1} are managers: MANAGER STATUS`,
          `  ${cli} service ls`,
          ...(demo.length ? [`  ${cli} service ps hello`] : []),
          `  ${cli} service create --name web --replicas 6 busybox:latest sleep 3600`,
          `  ${cli} service scale web=9`,
          `  ${cli} node update --availability drain m1   # watch web move: ${cli} service ps web`,
        ]
      : []),
    ...(demo.length ? ['', `The demo service "hello" answers on port 8080 of every machine:`, ...demo] : []),
    ...(state.dashboard
      ? [
          '',
          `The dashboard (the cluster's own CA signs its certificate, so the browser asks first):`,
          `  https://${first.address}:${DASHBOARD_PORT}/?token=$(cat ${state.stateDir}/manager/dashboard.token)`,
        ]
      : []),
    '',
    "Use a machine's engine as you would docker's:",
    `  bin/berth -H unix://${first.socket} ps`,
    `A shell in a machine's network: nsenter --net=/run/netns/${first.netns} sh`,
    `Agent logs: ${state.stateDir}/m<N>/agent.log; manager logs: ${state.stateDir}/manager[-N]/manager.log`,
    `Metrics: http://${first.address}:${AGENT_METRICS_PORT}/metrics (each machine's agent), http://<manager machine>:${MANAGER_METRICS_PORT}/metrics (each manager)`,
    `Take it all down: ${downCommand}`,
  ];
}

function defaultCliConfigDir(): string {
  return path.join(os.homedir(), '.berth');
}

export function describeStatus(state: ClusterState): string[] {
  return [
    `Berth local cluster "${state.tag}" (state: ${state.stateDir}, made ${state.createdAt})`,
    '',
    ...overview(state, true),
  ];
}

export function describeDown(stateDir: string, report: DownReport): string[] {
  const lines = [
    `Took down the local cluster of ${stateDir}; removed:`,
    ...report.removed.map((r) => `  ${r}`),
  ];
  if (report.leftovers.length)
    lines.push(
      'Still there afterwards (not removed; look at these by hand):',
      ...report.leftovers.map((l) => `  ${l}`),
    );
  return lines;
}
