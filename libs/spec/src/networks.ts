import { STACK_LABEL, type NetworkAttachmentSpec } from '@berth/cluster';
import { type CompileContext, report } from './context';
import { isExternal, objectName } from './names';
import { isPlainMap, mapOf, readBoolean, readLabels, readString, readStringList } from './read';
import type { Path } from './tree';
import type { StackNetwork } from './types';

/** The network a service without `networks:` joins (compose's `default`, declared or not). */
export const DEFAULT_NETWORK = 'default';

/** The top-level `networks:`, by key. */
export function compileNetworks(ctx: CompileContext, section: unknown): Map<string, StackNetwork> {
  return new Map(
    Object.entries(mapOf(section)).map(([key, declaration]) => [
      key,
      compileNetwork(ctx, key, declaration, ['networks', key]),
    ]),
  );
}

function compileNetwork(ctx: CompileContext, key: string, declaration: unknown, path: Path): StackNetwork {
  const d = mapOf(declaration);
  const external = isExternal(d.external);
  const network = { name: objectName(ctx, key, declaration), key, external, driver: 'overlay' as const };
  if (external) return { ...network, attachable: false, labels: {}, subnet: '' };
  const driver = readString(ctx, d.driver, [...path, 'driver']);
  if (driver !== undefined && driver !== 'overlay')
    report(ctx, [...path, 'driver'], `only overlay networks in a stack: got driver '${driver}'`);
  return {
    ...network,
    attachable: readBoolean(ctx, d.attachable, [...path, 'attachable']) ?? false,
    labels: { ...readLabels(ctx, d.labels, [...path, 'labels']), [STACK_LABEL]: ctx.stackName },
    subnet: readSubnet(ctx, d.ipam, [...path, 'ipam']),
  };
}

/** The first `ipam.config` entry's subnet, an IPv4 CIDR (Berth's overlays are IPv4). */
function readSubnet(ctx: CompileContext, ipam: unknown, path: Path): string {
  const config = mapOf(ipam).config;
  if (!Array.isArray(config) || config.length === 0) return '';
  const subnetPath = [...path, 'config', 0, 'subnet'];
  const subnet = readString(ctx, mapOf(config[0]).subnet, subnetPath);
  if (subnet === undefined) return '';
  if (!isIpv4Cidr(subnet)) {
    report(ctx, subnetPath, `expected an IPv4 subnet such as 10.0.9.0/24, got '${subnet}'`);
    return '';
  }
  return subnet;
}

export function isIpv4Cidr(text: string): boolean {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!match) return false;
  const octets = match.slice(1, 5).map(Number);
  return octets.every((o) => o <= 255) && Number(match[5]) <= 32;
}

/** The implicit `${stack}_default` network, for services that name no network. */
export function defaultNetwork(ctx: CompileContext): StackNetwork {
  return {
    name: `${ctx.stackName}_${DEFAULT_NETWORK}`,
    key: DEFAULT_NETWORK,
    external: false,
    driver: 'overlay',
    attachable: false,
    labels: { [STACK_LABEL]: ctx.stackName },
    subnet: '',
  };
}

/** The network keys a service joins, with the aliases given for each. */
export interface ServiceNetworkUse {
  key: string;
  aliases: string[];
  path: Path;
}

/**
 * A service's `networks:` (a list of keys, or a mapping of keys to `{aliases}` or nothing); no
 * key means compose's `default` network.
 */
export function serviceNetworkUses(ctx: CompileContext, value: unknown, path: Path): ServiceNetworkUse[] {
  if (value === undefined) return [{ key: DEFAULT_NETWORK, aliases: [], path }];
  if (Array.isArray(value)) {
    return readStringList(ctx, value, path).map((key, i) => ({ key, aliases: [], path: [...path, i] }));
  }
  return Object.entries(mapOf(value)).map(([key, options]) => ({
    key,
    aliases: isPlainMap(options) ? readStringList(ctx, options.aliases, [...path, key, 'aliases']) : [],
    path: [...path, key],
  }));
}

/**
 * The attachments of a service's spec: each network by its cluster name (the manager resolves
 * names to ids), the service's short name first among the aliases, as swarm does, so `web` reaches
 * it on every network it joins. Networks are checked against the declared ones.
 */
export function compileAttachments(
  ctx: CompileContext,
  uses: readonly ServiceNetworkUse[],
  shortName: string,
  networks: ReadonlyMap<string, StackNetwork>,
  servicePath: Path,
): NetworkAttachmentSpec[] {
  const attachments = uses.flatMap((use) => {
    const network = networks.get(use.key) ?? (use.key === DEFAULT_NETWORK ? defaultNetwork(ctx) : undefined);
    if (!network) {
      report(ctx, use.path, `network '${use.key}' is not declared in the top-level networks`, [
        ...servicePath,
        'networks',
        use.key,
      ]);
      return [];
    }
    const aliases = [shortName, ...use.aliases.filter((a) => a !== shortName)];
    return [{ target: network.name, aliases }];
  });
  return attachments.sort((a, b) => a.target.localeCompare(b.target));
}
