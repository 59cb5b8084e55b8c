/**
 * A bridge network's iptables rules, per network rather than per container,
 * as dockerd keeps for docker0: outbound NAT (one MASQUERADE rule, instead of
 * the bridge plugin's chain per container) and forwarding (two FORWARD rules,
 * instead of CNI's firewall plugin, whose ADD and DEL run iptables several
 * times for every container).
 */
import { runDirect, type RunProgram } from '@berth/process';
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

/**
 * The FORWARD rules letting what comes from BRIDGE's containers through, and
 * answers back to them (what the firewall plugin accepts per container
 * address), as iptables arguments after -I/-C/-D. Pure.
 */
export function forwardRules(bridge: string): string[][] {
  const comment = ['-m', 'comment', '--comment', `berth ${bridge}`];
  return [
    ['FORWARD', '-i', bridge, '-j', 'ACCEPT', ...comment],
    [
      'FORWARD',
      '-o',
      bridge,
      '-m',
      'conntrack',
      '--ctstate',
      'RELATED,ESTABLISHED',
      '-j',
      'ACCEPT',
      ...comment,
    ],
  ];
}

async function iptables(
  run: RunProgram,
  args: string[],
  table = 'nat',
): Promise<{ ok: boolean; stderr: string }> {
  const { code, stderr } = await run(['iptables', '-w', '-t', table, ...args]);
  return { ok: code === 0, stderr: stderr.trim() };
}

/** Adds the rule unless it is there (an agent restarting finds it in place). */
export async function ensureMasquerade(
  subnet: string,
  bridge: string,
  run: RunProgram = runDirect,
): Promise<void> {
  const rule = masqueradeRule(subnet, bridge);
  if ((await iptables(run, ['-C', ...rule])).ok) return;
  const added = await iptables(run, ['-A', ...rule]);
  if (!added.ok)
    throw new NetworkError(
      `cannot masquerade ${subnet} behind ${bridge}: ${added.stderr}; is iptables installed?`,
    );
}

export async function removeMasquerade(
  subnet: string,
  bridge: string,
  run: RunProgram = runDirect,
): Promise<void> {
  const rule = masqueradeRule(subnet, bridge);
  while ((await iptables(run, ['-D', ...rule])).ok);
}

/** Adds BRIDGE's FORWARD rules unless there, first in the chain (ahead of a DROP another tool adds). */
export async function ensureForwarding(bridge: string, run: RunProgram = runDirect): Promise<void> {
  for (const [chain, ...rule] of forwardRules(bridge)) {
    if ((await iptables(run, ['-C', chain, ...rule], 'filter')).ok) continue;
    const added = await iptables(run, ['-I', chain, '1', ...rule], 'filter');
    if (!added.ok)
      throw new NetworkError(`cannot forward for ${bridge}: ${added.stderr}; is iptables installed?`);
  }
}

export async function removeForwarding(bridge: string, run: RunProgram = runDirect): Promise<void> {
  for (const [chain, ...rule] of forwardRules(bridge))
    while ((await iptables(run, ['-D', chain, ...rule], 'filter')).ok);
}
