/**
 * A Docker API create body's networks → the engine's: HostConfig.NetworkMode is the first
 * network ('' for the default bridge), the aliases of its EndpointsConfig entry become
 * networkAliases, and every other entry is a network joined from the start. Pure.
 */
import type { ContainerRequest, EndpointRequest } from '../containers/request';
import { InvalidArgumentError } from '../errors';
import { JsonFields, NotSupportedError } from './json-fields';

type NetworkFields = Pick<ContainerRequest, 'network' | 'networkAliases' | 'endpoints'>;

/** The networks whose containers have no network-scoped aliases (as dockerd: user networks only). */
const BUILT_IN = ['', 'bridge', 'host', 'none'];
/** The names the first network's EndpointsConfig entry may have, by NetworkMode. */
const sameNetwork = (mode: string, name: string) =>
  name === mode || ((mode === '' || mode === 'bridge') && (name === 'default' || name === 'bridge'));

export function networkFromDocker(
  hostConfig: JsonFields,
  config: JsonFields,
  networking: JsonFields,
): NetworkFields {
  const network = networkMode(hostConfig, config);
  const out: NetworkFields = { network, networkAliases: [], endpoints: [] };
  const endpoints = networking.object('EndpointsConfig');
  for (const name of endpoints.keys()) {
    const endpoint = endpoints.object(name);
    if (!endpoint.given)
      throw new InvalidArgumentError(`invalid config for network ${name}: EndpointsConfig is nil`);
    const aliases = endpointAliases(endpoint);
    if (sameNetwork(network, name)) {
      if (aliases.length && BUILT_IN.includes(network))
        throw new InvalidArgumentError(
          'network-scoped alias is supported only for containers in user defined networks',
        );
      out.networkAliases = aliases;
      continue;
    }
    const other = name === 'default' ? 'bridge' : name;
    if (network === 'host' || network === 'none' || other === 'host' || other === 'none')
      throw new InvalidArgumentError(
        `a container on the ${network === 'host' || other === 'host' ? 'host' : 'none'} network cannot join other networks (${name})`,
      );
    out.endpoints.push({ network: other, address: '', aliases } satisfies EndpointRequest);
  }
  return out;
}

/** NetworkMode: default and '' are the default bridge (''); another container's namespace is refused. */
function networkMode(hostConfig: JsonFields, config: JsonFields): string {
  const mode = hostConfig.string('NetworkMode');
  if (mode.startsWith('container:'))
    throw new NotSupportedError(
      hostConfig.name('NetworkMode'),
      `${hostConfig.name('NetworkMode')} "${mode}" is not supported by Berth: a container cannot join another container's network namespace (--network container:…)`,
    );
  // dockerd gives a container with networking disabled no network whatever the mode says
  if (config.boolean('NetworkDisabled')) return 'none';
  return mode === 'default' ? '' : mode;
}

/** An EndpointsConfig entry's aliases; what Berth cannot give an endpoint is refused. */
function endpointAliases(endpoint: JsonFields): string[] {
  const ipam = endpoint.object('IPAMConfig');
  // the engine gives addresses on bridge networks from its IPAM only (an overlay's come from the manager)
  ipam.refuseUnless('IPv4Address', '--ip');
  ipam.refuseUnless('IPv6Address', '--ip6');
  ipam.refuseUnless('LinkLocalIPs', '--link-local-ip');
  endpoint.refuseUnless('Links', '--link');
  endpoint.refuseUnless('MacAddress', '--mac-address');
  endpoint.refuseUnless('DriverOpts', '--network driver-opt');
  endpoint.refuseUnless('GwPriority', '--network gw-priority');
  return endpoint.strings('Aliases');
}
