/**
 * How the agent's networking is put together: each part made by a factory, so that what reads
 * the disk (the store, the journal) does it here, once, and the parts' constructors only assign.
 */
import type { Provider } from '@nestjs/common';
import * as path from 'node:path';
import { CniRunner, DEFAULT_PLUGIN_DIRS, reservePorts } from '@berth/network';
import type { AgentConfig } from '../config';
import { ProgramsService } from '../system/programs.service';
import { AGENT_CONFIG, ENDPOINT_DIRECTORY, OVERLAY_HOOKS } from '../tokens';
import { BridgeRules } from './bridge-rules';
import { CniAdapter } from './cni-adapter';
import type { EndpointDirectory, OverlayHooks } from './hooks';
import { HostPorts } from './host-ports';
import { HostNamespaces, NAMESPACES, type Namespaces } from './namespaces';
import { NetworkCatalog } from './network-catalog';
import { hostDns, NetworkDns } from './network-dns';
import { NetworkParking } from './network-parking';
import { builtinNetworks } from './network-record';
import { NetworkStore } from './network.store';
import { NetworkTeardowns } from './network-teardowns';
import { NetworksService } from './networks.service';
import { TeardownJournal } from './teardown-journal';

/** <data-root>/network: networks.json, ipam/ (host-local's), teardowns/. */
const networkDir = (c: AgentConfig) => path.join(c.dataRoot, 'network');

export const NETWORK_PROVIDERS: Provider[] = [
  {
    provide: NetworkStore,
    useFactory: (c: AgentConfig) =>
      NetworkStore.open(networkDir(c), builtinNetworks(c, new Date().toISOString())),
    inject: [AGENT_CONFIG],
  },
  {
    provide: TeardownJournal,
    // after the store, which makes the network directory with its mode
    useFactory: (c: AgentConfig) => TeardownJournal.open(path.join(networkDir(c), 'teardowns')),
    inject: [AGENT_CONFIG, NetworkStore],
  },
  {
    provide: NetworkCatalog,
    useFactory: (c: AgentConfig, store: NetworkStore, overlays: OverlayHooks) =>
      new NetworkCatalog(store, overlays, c),
    inject: [AGENT_CONFIG, NetworkStore, OVERLAY_HOOKS],
  },
  {
    provide: NAMESPACES,
    useFactory: (p: ProgramsService) => new HostNamespaces(p.run, p.rebind),
    inject: [ProgramsService],
  },
  {
    provide: CniAdapter,
    useFactory: (c: AgentConfig, p: ProgramsService) =>
      new CniAdapter(new CniRunner(DEFAULT_PLUGIN_DIRS, p.run), path.join(networkDir(c), 'ipam')),
    inject: [AGENT_CONFIG, ProgramsService],
  },
  {
    provide: BridgeRules,
    useFactory: (p: ProgramsService) => new BridgeRules(p.run),
    inject: [ProgramsService],
  },
  { provide: HostPorts, useFactory: () => new HostPorts(reservePorts) },
  {
    provide: NetworkDns,
    useFactory: (
      c: AgentConfig,
      catalog: NetworkCatalog,
      directory: EndpointDirectory,
      overlays: OverlayHooks,
    ) => new NetworkDns(catalog, directory, overlays, hostDns(c.dnsUpstream)),
    inject: [AGENT_CONFIG, NetworkCatalog, ENDPOINT_DIRECTORY, OVERLAY_HOOKS],
  },
  {
    provide: NetworkTeardowns,
    useFactory: (
      journal: TeardownJournal,
      cni: CniAdapter,
      catalog: NetworkCatalog,
      namespaces: Namespaces,
      ports: HostPorts,
      overlays: OverlayHooks,
    ) => new NetworkTeardowns(journal, cni, catalog, namespaces, ports, overlays),
    inject: [TeardownJournal, CniAdapter, NetworkCatalog, NAMESPACES, HostPorts, OVERLAY_HOOKS],
  },
  {
    provide: NetworkParking,
    useFactory: (
      teardowns: NetworkTeardowns,
      journal: TeardownJournal,
      namespaces: Namespaces,
      catalog: NetworkCatalog,
    ) => new NetworkParking(teardowns, journal, namespaces, catalog),
    inject: [NetworkTeardowns, TeardownJournal, NAMESPACES, NetworkCatalog],
  },
  NetworksService,
];
