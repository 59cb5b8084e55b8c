/**
 * The VXLAN data path of overlay networks as data: which devices and forwarding entries a machine
 * needs for the networks it carries (from the manager's NetworkViews), and the `ip`/`bridge`
 * commands that take it from what it has to that. Pure; the agent runs the commands.
 *
 * Per network: a bridge `bo<vni>` for the local task containers and a VXLAN device `vx<vni>`
 * (UDP 4789, no learning) enslaved to it. Forwarding is programmed, not learned, and there is no
 * multicast: one all-zero entry per peer machine carries broadcast (ARP) to each of them, and
 * one entry per remote task sends its MAC (02:42 + its address) straight to its machine.
 */
import type { NetworkView } from '@berth/cluster';
import { macOf } from '../ipam/allocate';

export const VXLAN_PORT = 4789;
/** 50 bytes of VXLAN, UDP, IP and Ethernet headers inside a 1500-byte underlay, as Docker's overlay. */
export const OVERLAY_MTU = 1450;
const FLOOD = '00:00:00:00:00:00';

export interface FdbEntry {
  mac: string;
  /** the machine that has it */
  dst: string;
}

/** One network's part of a machine's data path. */
export interface OverlayNetworkState {
  vni: number;
  fdb: FdbEntry[];
}

export function bridgeName(vni: number): string {
  return `bo${vni}`;
}

export function vxlanName(vni: number): string {
  return `vx${vni}`;
}

/**
 * What node SELF needs for VIEWS: every peer flooded to (the manager lists only the others),
 * every task on another node pinned to that node's address.
 */
export function desiredOverlay(views: readonly NetworkView[], self: string): OverlayNetworkState[] {
  return views
    .map((view) => {
      const flood = view.peers.map((dst) => ({ mac: FLOOD, dst }));
      const remote = view.endpoints
        .filter((e) => e.nodeAddr && e.nodeId !== self)
        .map((e) => ({ mac: macOf(e.address), dst: e.nodeAddr }));
      return { vni: view.network.vni, fdb: sortEntries([...flood, ...remote]) };
    })
    .sort((a, b) => a.vni - b.vni);
}

function sortEntries(entries: FdbEntry[]): FdbEntry[] {
  const key = (e: FdbEntry) => `${e.mac}|${e.dst}`;
  return [...new Map(entries.map((e) => [key(e), e])).values()].sort((a, b) => key(a).localeCompare(key(b)));
}

/** The commands (argv) from CURRENT to DESIRED: devices made and removed, entries added and dropped. */
export function overlayCommands(
  current: readonly OverlayNetworkState[],
  desired: readonly OverlayNetworkState[],
): string[][] {
  const commands: string[][] = [];
  const now = new Map(current.map((n) => [n.vni, n]));
  const wanted = new Map(desired.map((n) => [n.vni, n]));
  for (const [vni] of now) if (!wanted.has(vni)) commands.push(...removeNetwork(vni));
  for (const [vni, network] of wanted) {
    const existing = now.get(vni);
    if (!existing) commands.push(...createNetwork(vni));
    commands.push(...fdbChanges(vni, existing?.fdb ?? [], network.fdb));
  }
  return commands;
}

function createNetwork(vni: number): string[][] {
  const bridge = bridgeName(vni);
  const vxlan = vxlanName(vni);
  return [
    ['ip', 'link', 'add', bridge, 'type', 'bridge'],
    ['ip', 'link', 'set', bridge, 'up'],
    [
      'ip',
      'link',
      'add',
      vxlan,
      'mtu',
      String(OVERLAY_MTU),
      'type',
      'vxlan',
      'id',
      String(vni),
      'dstport',
      String(VXLAN_PORT),
      'nolearning',
    ],
    ['ip', 'link', 'set', vxlan, 'master', bridge],
    ['ip', 'link', 'set', vxlan, 'up'],
  ];
}

function removeNetwork(vni: number): string[][] {
  return [
    ['ip', 'link', 'delete', vxlanName(vni)],
    ['ip', 'link', 'delete', bridgeName(vni)],
  ];
}

function fdbChanges(vni: number, have: readonly FdbEntry[], want: readonly FdbEntry[]): string[][] {
  const key = (e: FdbEntry) => `${e.mac}|${e.dst}`;
  const haveKeys = new Set(have.map(key));
  const wantKeys = new Set(want.map(key));
  const dev = vxlanName(vni);
  return [
    ...have
      .filter((e) => !wantKeys.has(key(e)))
      .map((e) => ['bridge', 'fdb', 'del', e.mac, 'dev', dev, 'dst', e.dst]),
    ...want
      .filter((e) => !haveKeys.has(key(e)))
      .map((e) => ['bridge', 'fdb', 'append', e.mac, 'dev', dev, 'dst', e.dst, 'self', 'permanent']),
  ];
}
