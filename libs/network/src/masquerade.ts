/**
 * Outbound NAT for a bridge network: one MASQUERADE rule per network (what
 * leaves the subnet through any other interface), as dockerd keeps for
 * docker0, instead of the bridge plugin's chain per container.
 */
import { execFile } from 'node:child_process';
import { NetworkError } from './errors';

/** The POSTROUTING rule for SUBNET behind BRIDGE, as iptables arguments after -A/-C/-D. Pure. */
export function masqueradeRule(subnet: string, bridge: string): string[] {
  return [
    'POSTROUTING',
    '-s',
    subnet,
    '!',
    '-o',
    bridge,
    '-j',
    'MASQUERADE',
    '-m',
    'comment',
    '--comment',
    `berth ${bridge}`,
  ];
}

function iptables(args: string[]): Promise<{ ok: boolean; stderr: string }> {
  return new Promise((resolve) =>
    execFile('iptables', ['-w', '-t', 'nat', ...args], (error, _out, stderr) =>
      resolve({ ok: !error, stderr: stderr.trim() }),
    ),
  );
}

/** Adds the rule unless it is there (an agent restarting finds it in place). */
export async function ensureMasquerade(subnet: string, bridge: string): Promise<void> {
  const rule = masqueradeRule(subnet, bridge);
  if ((await iptables(['-C', ...rule])).ok) return;
  const added = await iptables(['-A', ...rule]);
  if (!added.ok)
    throw new NetworkError(
      `cannot masquerade ${subnet} behind ${bridge}: ${added.stderr}; is iptables installed?`,
    );
}

export async function removeMasquerade(subnet: string, bridge: string): Promise<void> {
  const rule = masqueradeRule(subnet, bridge);
  while ((await iptables(['-D', ...rule])).ok);
}
