/**
 * The fabric: a Linux bridge on the host that every machine's veth joins,
 * with the first address of a /24 no host route uses. Machines talk to each
 * other through it, and reach the host (the manager) at its address.
 */
import { addRule, describeRule, fabricRules, removeRule } from './iptables';
import { StateError } from './errors';
import { deleteLink, ip, linkExists, readSysctl, run, writeSysctl } from './host';
import { fabricPlan, pickFabricSubnet, routePrefixes } from './names';
import type { ClusterStore, FabricRecord } from './state';

const IP_FORWARD = '/proc/sys/net/ipv4/ip_forward';

/** Every IPv4 destination the host routes to or has an address in. */
async function usedSubnets(): Promise<string[]> {
  const routes = await run('ip', ['-4', 'route', 'show', 'table', 'all']);
  const addresses = (await run('ip', ['-4', '-o', 'addr', 'show'])).match(/inet \S+/g) ?? [];
  return [...routePrefixes(routes), ...addresses.map((a) => a.slice(5))];
}

/** Makes the fabric bridge (recorded first), from candidate /24 number SUBNET_START on. */
export async function createFabric(store: ClusterStore, subnetStart: number): Promise<FabricRecord> {
  const plan = fabricPlan(store.state.tag, pickFabricSubnet(await usedSubnets(), subnetStart));
  if (linkExists(plan.bridge))
    throw new StateError(
      `bridge ${plan.bridge} exists but is not recorded in ${store.dir}: remove it, or use another tag`,
    );
  store.update((s) => (s.fabric = { ...plan, rules: [], ipForwardSet: false }));
  await ip('link', 'add', plan.bridge, 'type', 'bridge');
  await ip('addr', 'add', `${plan.gateway}/24`, 'dev', plan.bridge);
  await ip('link', 'set', plan.bridge, 'up');
  // forwarding for what comes in on the fabric, without touching the host's other interfaces
  writeSysctl(`/proc/sys/net/ipv4/conf/${plan.bridge}/forwarding`, '1');
  if (store.state.outbound && readSysctl(IP_FORWARD) === '0') {
    store.update((s) => (s.fabric!.ipForwardSet = true));
    writeSysctl(IP_FORWARD, '1'); // replies coming back from outside are forwarded from the uplink
  }
  for (const rule of fabricRules(plan, store.state.outbound)) {
    store.update((s) => s.fabric!.rules.push(rule));
    await addRule(rule);
  }
  return store.state.fabric!;
}

/** Removes the fabric's rules and bridge; returns what it removed. */
export async function destroyFabric(store: ClusterStore): Promise<string[]> {
  const fabric = store.state.fabric;
  if (!fabric) return [];
  const removed: string[] = [];
  for (const rule of [...fabric.rules].reverse()) {
    if (await removeRule(rule)) removed.push(describeRule(rule));
    store.update((s) => (s.fabric!.rules = s.fabric!.rules.filter((r) => r !== rule)));
  }
  if (fabric.ipForwardSet) {
    writeSysctl(IP_FORWARD, '0');
    removed.push('net.ipv4.ip_forward=1 (set back to 0)');
  }
  if (await deleteLink(fabric.bridge)) removed.push(`bridge ${fabric.bridge} (${fabric.gateway}/24)`);
  store.update((s) => (s.fabric = null));
  return removed;
}
