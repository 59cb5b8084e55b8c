/** Fakes for the worker's and the task runner's unit tests: container records as the engine keeps them. */
import type { ContainerRecord } from '../containers/model';

type State = ContainerRecord['state'];

/** Resolves once the callbacks already queued have run. */
export const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

export function containerState(status: State['status'], exitCode = 0, fields: Partial<State> = {}): State {
  return {
    status,
    pid: status === 'running' ? 4242 : 0,
    exitCode,
    oomKilled: false,
    error: '',
    startedAt: '',
    finishedAt: '',
    health: null,
    ...fields,
  };
}

export function containerRecord(
  id: string,
  name: string,
  labels: Record<string, string>,
  s: State,
): ContainerRecord {
  return {
    id,
    name,
    created: '',
    image: 'nginx:1',
    imageId: '',
    imageManifest: '',
    path: 'nginx',
    args: [],
    config: {
      env: [],
      workingDir: '/',
      user: '',
      hostname: '',
      labels,
      tty: false,
      openStdin: false,
      stopSignal: '',
      stopTimeoutMs: 10_000,
      exposedPorts: [],
      healthcheck: null,
      entrypoint: [],
      cmd: [],
    },
    hostConfig: {
      network: 'bridge',
      networkAliases: [],
      ports: [],
      publishAll: false,
      restart: { name: 'no', maximumRetryCount: 0 },
      autoRemove: false,
      readOnly: false,
      memoryBytes: 0,
      memorySwapBytes: 0,
      cpus: 0,
      cpuShares: 0,
      pidsLimit: 0,
      capAdd: [],
      capDrop: [],
      sysctls: {},
      ulimits: [],
      extraHosts: [],
      dns: [],
      privileged: false,
    },
    mounts: [],
    state: s,
    restartCount: 0,
    manuallyStopped: false,
    boundPorts: [],
    networks: [],
  };
}
