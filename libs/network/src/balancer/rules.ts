/**
 * Load balancing as nftables rule sets (kube-proxy's nftables mode is the model), pure:
 *
 * - In a task container's network namespace, table `berth_lb` sends traffic for each service
 *   virtual IP on the container's networks to one of the service's ready tasks, picked at random
 *   per connection (conntrack keeps a connection on its pick). A VIP with no ready task refuses
 *   at once rather than leave a client waiting.
 * - In a machine's own namespace, table `berth_mesh` is the routing mesh: a port published in
 *   ingress mode, on any of the machine's addresses, goes to a ready task of its service on the
 *   ingress network, wherever it runs; leaving over the ingress bridge it takes the machine's
 *   ingress address as source, so the answer comes back through this machine.
 *
 * Each script replaces its table whole in one nft transaction: no moment without rules.
 */
import type { NetworkView, PortConfig } from '@berth/cluster';

export const LB_TABLE = 'berth_lb';
export const MESH_TABLE = 'berth_mesh';

const bare = (cidr: string) => cidr.split('/')[0];

/** `numgen random mod N map { 0 : a, 1 : b }`: one of ADDRESSES per connection. */
function pick(addresses: readonly string[]): string {
  const entries = addresses.map((a, i) => `${i} : ${a}`).join(', ');
  return `numgen random mod ${addresses.length} map { ${entries} }`;
}

/** The ready tasks' addresses of each service on VIEW, sorted (so equal sets give equal rules). */
function readyAddresses(view: NetworkView): Map<string, string[]> {
  const ready = new Map<string, string[]>();
  for (const e of view.endpoints) {
    if (!e.ready || !e.taskId) continue;
    ready.set(e.serviceId, [...(ready.get(e.serviceId) ?? []), bare(e.address)]);
  }
  for (const list of ready.values()) list.sort();
  return ready;
}

/** The script that replaces TABLE with BODY (chains), or removes it when BODY is empty. */
function replaceTable(table: string, body: string[]): string {
  const lines = [`table ip ${table}`, `delete table ip ${table}`];
  if (body.length) lines.push(`table ip ${table} {`, ...body, '}');
  return `${lines.join('\n')}\n`;
}

/** The `berth_lb` script for a container on the networks of VIEWS. */
export function balancerScript(views: readonly NetworkView[]): string {
  const dnat: string[] = [];
  const refuse: string[] = [];
  for (const view of views) {
    const ready = readyAddresses(view);
    for (const service of view.services) {
      if (service.mode !== 'vip' || !service.virtualIp) continue;
      const vip = bare(service.virtualIp);
      const targets = ready.get(service.id) ?? [];
      if (targets.length) dnat.push(`    ip daddr ${vip} dnat to ${pick(targets)}`);
      else
        refuse.push(
          `    ip daddr ${vip} meta l4proto tcp reject with tcp reset`,
          `    ip daddr ${vip} reject`,
        );
    }
  }
  if (!dnat.length && !refuse.length) return replaceTable(LB_TABLE, []);
  return replaceTable(LB_TABLE, [
    '  chain output {',
    '    type nat hook output priority -100; policy accept;',
    ...dnat,
    '  }',
    // after the rewrite above: what still goes to a VIP has no task to go to
    '  chain refuse {',
    '    type filter hook output priority filter; policy accept;',
    ...refuse,
    '  }',
  ]);
}

function portMatch(p: PortConfig): string {
  return `fib daddr type local ${p.protocol} dport ${p.publishedPort}`;
}

/** The `berth_mesh` script for a machine carrying the ingress network VIEW (none: the table goes). */
export function meshScript(view: NetworkView | undefined, bridge: string): string {
  if (!view) return replaceTable(MESH_TABLE, []);
  const ready = readyAddresses(view);
  const dnat: string[] = [];
  const refuse: string[] = [];
  for (const service of view.services) {
    const targets = ready.get(service.id) ?? [];
    for (const port of service.ports ?? []) {
      if (targets.length) dnat.push(`    ${portMatch(port)} dnat to ${pick(targets)} : ${port.targetPort}`);
      else
        refuse.push(
          port.protocol === 'tcp'
            ? `    ${portMatch(port)} reject with tcp reset`
            : `    ${portMatch(port)} reject`,
        );
    }
  }
  if (!dnat.length && !refuse.length) return replaceTable(MESH_TABLE, []);
  return replaceTable(MESH_TABLE, [
    '  chain prerouting {',
    '    type nat hook prerouting priority dstnat; policy accept;',
    ...dnat,
    '  }',
    '  chain output {',
    '    type nat hook output priority -100; policy accept;',
    ...dnat,
    '  }',
    '  chain postrouting {',
    '    type nat hook postrouting priority srcnat; policy accept;',
    `    oifname "${bridge}" ct status dnat masquerade`,
    '  }',
    '  chain refuse_in {',
    '    type filter hook input priority filter; policy accept;',
    ...refuse,
    '  }',
    '  chain refuse_out {',
    '    type filter hook output priority filter; policy accept;',
    ...refuse,
    '  }',
  ]);
}
