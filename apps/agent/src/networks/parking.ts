/**
 * Parking: when a task's container stops, its network namespace — interfaces, addresses and routes
 * as CNI made them — is kept a few seconds for the next task container on the same networks (the
 * replacement in a rolling update, or its own restart), which takes it over instead of running
 * `ip netns add` and the bridge and IPAM plugins, then later their DEL (about 40 ms of CPU a
 * container). Only namespaces nothing can have changed: plain bridge networks, no published ports
 * or requested addresses, no capability or sysctl that reaches the network's configuration. Pure.
 */
import type { ContainerRecord } from '../containers/model';
import { TASK_ID_LABEL } from '../cluster/task-labels';

/** How long a parked namespace waits for a taker before it is taken down. */
export const PARK_MS = 5000;
/** How long a container being readied waits for the namespace of one being stopped, at most. */
export const PARK_WAIT_MS = 1000;
/** At most this many parked namespaces per set of networks; more are taken down at once. */
export const PARK_LIMIT = 32;

/** Capabilities that let a container change its namespace's interfaces, routes or filters. */
const NETWORK_CAPABILITIES = new Set(['NET_ADMIN', 'SYS_ADMIN', 'ALL']);

type Eligible = Pick<ContainerRecord, 'config' | 'hostConfig'>;

function eligible(c: Eligible): boolean {
  const h = c.hostConfig;
  return (
    !!c.config.labels[TASK_ID_LABEL] &&
    !h.privileged &&
    h.ports.length === 0 &&
    !h.publishAll &&
    !h.capAdd.some((cap) => NETWORK_CAPABILITIES.has(cap.toUpperCase().replace(/^CAP_/, ''))) &&
    !Object.keys(h.sysctls).some((key) => key.startsWith('net.'))
  );
}

function keyOf(
  networks: readonly string[],
  driverOf: (network: string) => string | undefined,
): string | null {
  if (!networks.length || networks.some((n) => driverOf(n) !== 'bridge')) return null;
  return networks.join('\0');
}

/**
 * The key a stopped container's namespace is parked under (its networks, in interface order), or
 * null when it must be taken down: not a task's, or anything about it makes the namespace its own.
 */
export function parkingKey(
  c: Eligible & Pick<ContainerRecord, 'networks' | 'boundPorts'>,
  driverOf: (network: string) => string | undefined,
): string | null {
  if (!eligible(c) || c.boundPorts.length) return null;
  const complete = c.networks.every(
    (a, i) =>
      a.cniResult !== undefined &&
      a.ifname === `eth${i}` &&
      a.forwarding === 'network' &&
      !a.requestedAddress &&
      !a.cluster,
  );
  return complete
    ? keyOf(
        c.networks.map((a) => a.network),
        driverOf,
      )
    : null;
}

/** The key under which a container about to start on NETWORKS (in interface order) may take a parked namespace, or null. */
export function takingKey(
  c: Eligible,
  networks: readonly string[],
  driverOf: (network: string) => string | undefined,
): string | null {
  return eligible(c) ? keyOf(networks, driverOf) : null;
}
