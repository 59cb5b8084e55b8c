/**
 * The host's iptables rules of a fabric: machines may talk to each other
 * through the bridge (even where br_netfilter and a DROP policy would stop
 * them), and, when the cluster is outbound, reach beyond the host through
 * one masquerade rule, as the engine keeps for its own bridges.
 */
import { masqueradeRule } from '@berth/network';
import { run, tryRun } from './host';
import type { FabricPlan } from './names';
import type { IptablesRule } from './state';

/** The comment every rule of BRIDGE carries (the engine's convention, see masqueradeRule). */
export const ruleComment = (bridge: string): string => `berth ${bridge}`;

/** The rules a fabric needs. Pure. */
export function fabricRules(fabric: FabricPlan, outbound: boolean): IptablesRule[] {
  const comment = ['-m', 'comment', '--comment', ruleComment(fabric.bridge)];
  const within: IptablesRule = {
    table: 'filter',
    chain: 'FORWARD',
    spec: ['-i', fabric.bridge, '-o', fabric.bridge, ...comment, '-j', 'ACCEPT'],
    first: true,
  };
  if (!outbound) return [within];
  const [chain, ...masquerade] = masqueradeRule(fabric.subnet, fabric.bridge);
  return [
    within,
    {
      table: 'filter',
      chain: 'FORWARD',
      spec: ['-i', fabric.bridge, '!', '-o', fabric.bridge, ...comment, '-j', 'ACCEPT'],
      first: true,
    },
    {
      table: 'filter',
      chain: 'FORWARD',
      spec: [
        '-o',
        fabric.bridge,
        '-m',
        'conntrack',
        '--ctstate',
        'RELATED,ESTABLISHED',
        ...comment,
        '-j',
        'ACCEPT',
      ],
      first: true,
    },
    { table: 'nat', chain, spec: masquerade, first: false },
  ];
}

const iptables = (rule: IptablesRule, op: string[]) => ['-w', '-t', rule.table, ...op, ...rule.spec];

export async function addRule(rule: IptablesRule): Promise<void> {
  if ((await tryRun('iptables', iptables(rule, ['-C', rule.chain]))).ok) return;
  await run('iptables', iptables(rule, rule.first ? ['-I', rule.chain, '1'] : ['-A', rule.chain]));
}

/** Deletes every copy of the rule; true when there was one. */
export async function removeRule(rule: IptablesRule): Promise<boolean> {
  let removed = false;
  while ((await tryRun('iptables', iptables(rule, ['-D', rule.chain]))).ok) removed = true;
  return removed;
}

/** `-t TABLE -A CHAIN …` for reports. */
export function describeRule(rule: IptablesRule): string {
  return `iptables -t ${rule.table} -A ${rule.chain} ${rule.spec.join(' ')}`;
}
