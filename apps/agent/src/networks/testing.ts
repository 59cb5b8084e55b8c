/** Fakes for the networking parts' unit tests: host programs, namespaces, the cluster and container sides. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CniRunner } from '@berth/network';
import type { ProgramResult, RunProgram } from '@berth/process';
import type { ClusterAttachment, NetworkAttachment } from './attachment';
import { BridgeRules } from './bridge-rules';
import { CniAdapter } from './cni-adapter';
import type { EndpointDirectory, OverlayHooks, OverlayNetworkInfo } from './hooks';
import { HostPorts } from './host-ports';
import type { Namespaces } from './namespaces';
import { NetworkCatalog } from './network-catalog';
import { NetworkParking } from './network-parking';
import { builtinNetworks, type NetworkRecord } from './network-record';
import { NetworkTeardowns } from './network-teardowns';
import { NetworkStore } from './network.store';
import { TeardownJournal } from './teardown-journal';

/** The CNI plugins the agent runs, as empty files for CniRunner to find. */
const PLUGINS = ['bridge', 'host-local', 'portmap', 'firewall', 'static', 'tuning'];

/** A directory of its own for one test; removed by the caller (fs.rmSync). */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'berth-networks-'));
}

/** A plugin directory with every plugin the agent names (CniRunner only looks for the file). */
export function pluginDir(parent: string): string {
  const dir = path.join(parent, 'cni');
  fs.mkdirSync(dir);
  for (const plugin of PLUGINS) fs.writeFileSync(path.join(dir, plugin), '');
  return dir;
}

/**
 * Host programs that do nothing: each call is recorded in `calls`, as `bridge ADD c1 eth0` for a
 * CNI plugin (its command, container id, interface) and as its argv otherwise. iptables says a
 * rule is not there (-C and -D fail), everything else succeeds; a bridge ADD answers an address.
 */
export class FakeRun {
  readonly calls: string[] = [];
  /** What each call was given on stdin (a CNI plugin's configuration), by call index. */
  readonly inputs: string[] = [];
  /** Calls (as recorded) that fail, with this message on stderr. */
  readonly failing = new Map<string, string>();
  /** Called as each call is made, before it answers: to look at the world in the middle of something. */
  onCall: (call: string) => void | Promise<void> = () => undefined;
  private address = 1;

  readonly run: RunProgram = async (argv, options = {}) => {
    const env = options.env ?? {};
    const call = env.CNI_COMMAND
      ? `${path.basename(argv[0])} ${env.CNI_COMMAND} ${env.CNI_CONTAINERID} ${env.CNI_IFNAME}`
      : argv.join(' ');
    this.calls.push(call);
    this.inputs.push(options.input ?? '');
    await this.onCall(call);
    const failure = this.failing.get(call);
    if (failure !== undefined) return { code: 1, stdout: '', stderr: failure };
    if (argv[0] === 'iptables' && (argv.includes('-C') || argv.includes('-D'))) return answer(1);
    if (env.CNI_COMMAND === 'ADD' && path.basename(argv[0]) === 'bridge')
      return answer(0, JSON.stringify(this.bridgeResult(env.CNI_IFNAME ?? '', env.CNI_NETNS ?? '')));
    return answer(0);
  };

  /** The calls that are CNI plugin runs, in order. */
  cniCalls(): string[] {
    return this.calls.filter((c) => / (ADD|DEL|CHECK) /.test(c));
  }

  private bridgeResult(ifname: string, netns: string) {
    const n = ++this.address;
    return {
      cniVersion: '1.0.0',
      interfaces: [
        { name: 'br0' },
        { name: `veth${n}` },
        { name: ifname, mac: `02:42:0a:58:00:0${n}`, sandbox: netns },
      ],
      ips: [{ interface: 2, address: `10.88.0.${n}/16`, gateway: '10.88.0.1' }],
    };
  }
}

function answer(code: number, stdout = ''): ProgramResult {
  return { code, stdout, stderr: '' };
}

/** Namespaces in a set, by container id; every change recorded in `calls`. */
export class FakeNamespaces implements Namespaces {
  readonly existing = new Set<string>();
  readonly calls: string[] = [];
  /** Renames that fail. */
  failRename = false;

  exists(containerId: string): boolean {
    return this.existing.has(containerId);
  }

  async create(containerId: string): Promise<string> {
    this.calls.push(`create ${containerId}`);
    this.existing.add(containerId);
    return `/run/netns/berth-${containerId.slice(0, 12)}`;
  }

  async delete(containerId: string): Promise<void> {
    if (!this.existing.delete(containerId)) return;
    this.calls.push(`delete ${containerId}`);
  }

  async rename(fromId: string, toId: string): Promise<string> {
    this.calls.push(`rename ${fromId} ${toId}`);
    if (this.failRename) throw new Error('rebind failed');
    this.existing.delete(fromId);
    this.existing.add(toId);
    return `/run/netns/berth-${toId.slice(0, 12)}`;
  }
}

/** The cluster side: overlay networks by name, service addresses by name; what it is told, recorded. */
export class FakeOverlays implements OverlayHooks {
  readonly networks = new Map<string, OverlayNetworkInfo>();
  readonly services = new Map<string, string[]>();
  readonly calls: string[] = [];

  find(ref: string): OverlayNetworkInfo | null {
    return this.networks.get(ref) ?? [...this.networks.values()].find((n) => n.id === ref) ?? null;
  }

  resolve(networks: string[], name: string): string[] | null {
    this.calls.push(`resolve ${networks.join(',')} ${name}`);
    return this.services.get(name) ?? null;
  }

  async plumbed(containerId: string, _netns: string, networks: string[]): Promise<void> {
    this.calls.push(`plumbed ${containerId} ${networks.join(',')}`);
  }

  released(containerId: string): void {
    this.calls.push(`released ${containerId}`);
  }

  async attach(ref: string, containerId: string): Promise<ClusterAttachment | null> {
    this.calls.push(`attach ${ref} ${containerId}`);
    const n = this.find(ref);
    return n
      ? { networkId: n.id, networkName: n.name, attachmentId: `a-${containerId}`, address: '10.0.1.5/24' }
      : null;
  }

  async detach(attachment: ClusterAttachment): Promise<void> {
    this.calls.push(`detach ${attachment.attachmentId}`);
  }
}

/** Running containers' names and addresses, per network: `add('front', 'web', '10.89.0.2', ['front'])`. */
export class FakeDirectory implements EndpointDirectory {
  private readonly endpoints: { network: string; name: string; ip: string; networks: string[] }[] = [];

  add(network: string, name: string, ip: string, networks: string[] = [network]): void {
    this.endpoints.push({ network, name, ip, networks });
  }

  addressesOn(network: string, name: string): string[] | null {
    const found = this.endpoints.filter((e) => e.network === network && e.name === name).map((e) => e.ip);
    return found.length ? found : null;
  }

  networksAt(network: string, ip: string): string[] | null {
    return this.endpoints.find((e) => e.network === network && e.ip === ip)?.networks ?? null;
  }
}

/** A user bridge network NAME, as the store keeps one. */
export function bridgeNetwork(name: string, index = 1, fields: Partial<NetworkRecord> = {}): NetworkRecord {
  return {
    id: `${name}-id`.padEnd(64, '0'),
    name,
    driver: 'bridge',
    bridge: `br-${name}`,
    subnet: `10.89.${index}.0/24`,
    gateway: `10.89.${index}.1`,
    internal: false,
    attachable: false,
    labels: {},
    created: '',
    builtin: false,
    ...fields,
  };
}

/** Container's interface I on NETWORK, as plumbed through CNI. */
export function attachment(
  network: string,
  i: number,
  fields: Partial<NetworkAttachment> = {},
): NetworkAttachment {
  return {
    network,
    ifname: `eth${i}`,
    ip: `10.89.${i}.2`,
    prefixLength: 24,
    gateway: `10.89.${i}.1`,
    mac: '02:42:0a:00:00:02',
    aliases: [],
    cniResult: { interfaces: [], ips: [] },
    forwarding: 'network',
    ...fields,
  };
}

/** Everything under NetworksService, over fakes: host programs, namespaces, host ports and the cluster side. */
export class NetworkParts {
  readonly run = new FakeRun();
  readonly namespaces = new FakeNamespaces();
  readonly overlays = new FakeOverlays();
  readonly directory = new FakeDirectory();
  /** Ports held, by host port, and every release, in order. */
  readonly held = new Set<number>();
  readonly portsReleased: number[] = [];
  readonly store: NetworkStore;
  readonly catalog: NetworkCatalog;
  readonly journal: TeardownJournal;
  readonly cni: CniAdapter;
  readonly rules: BridgeRules;
  readonly ports: HostPorts;
  readonly teardowns: NetworkTeardowns;
  readonly parking: NetworkParking;

  /** @param dir this test's own directory (tempDir()) */
  constructor(readonly dir: string) {
    this.store = NetworkStore.open(path.join(dir, 'network'), builtinNetworks(TEST_CONFIG, ''));
    this.catalog = new NetworkCatalog(this.store, this.overlays, TEST_CONFIG);
    this.journal = TeardownJournal.open(path.join(dir, 'network', 'teardowns'));
    this.cni = new CniAdapter(
      new CniRunner([pluginDir(dir)], this.run.run),
      path.join(dir, 'network', 'ipam'),
    );
    this.rules = new BridgeRules(this.run.run);
    this.ports = new HostPorts(async (mappings) =>
      mappings.map((mapping) => {
        this.held.add(mapping.hostPort);
        return {
          mapping,
          close: async () => {
            this.held.delete(mapping.hostPort);
            this.portsReleased.push(mapping.hostPort);
          },
        };
      }),
    );
    this.teardowns = new NetworkTeardowns(
      this.journal,
      this.cni,
      this.catalog,
      this.namespaces,
      this.ports,
      this.overlays,
    );
    this.parking = new NetworkParking(this.teardowns, this.journal, this.namespaces, this.catalog);
  }

  /** The container ids whose teardown is journaled. */
  journaled(): string[] {
    return fs
      .readdirSync(path.join(this.dir, 'network', 'teardowns'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
  }
}

export const TEST_CONFIG = {
  dataRoot: '/var/lib/berth',
  bridge: 'berth0',
  bridgeSubnet: '10.88.0.0/16',
  networkPool: '10.89.0.0/16',
  dnsUpstream: [],
};
