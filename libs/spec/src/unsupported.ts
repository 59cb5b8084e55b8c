import { type CompileContext, report } from './context';
import { isExternal } from './names';
import { mapOf } from './read';
import type { Path } from './tree';

/** Service keys Berth turns into the service spec. */
const HONOURED = new Set([
  'image',
  'command',
  'entrypoint',
  'environment',
  'env_file',
  'ports',
  'volumes',
  'tmpfs',
  'secrets',
  'configs',
  'networks',
  'healthcheck',
  'user',
  'working_dir',
  'hostname',
  'stop_grace_period',
  'stop_signal',
  'ulimits',
  'sysctls',
  'cap_add',
  'cap_drop',
  'security_opt',
  'read_only',
  'init',
  'labels',
  'depends_on',
  'deploy',
]);

/** Keys `docker stack deploy` warns about as deprecated, in its words. */
const DEPRECATED: Record<string, string> = {
  container_name: 'Setting the container name is not supported.',
  expose:
    "Exposing ports is unnecessary - services on the same network can access each other's containers on any port.",
};

/** Keys `docker stack deploy` refuses, since ignoring them would change what runs. */
const FORBIDDEN: Record<string, string> = {
  extends: 'extends is not supported in a stack: merge the files with -c instead',
  volumes_from:
    'volumes_from is not supported in a stack: declare the volume at top level and mount it in each service',
  volume_driver: 'volume_driver is not supported in a stack: declare the volume at top level with its driver',
  cpu_quota: 'cpu_quota is not supported in a stack: set limits with deploy.resources',
  cpu_shares: 'cpu_shares is not supported in a stack: set limits with deploy.resources',
  cpuset: 'cpuset is not supported in a stack: set limits with deploy.resources',
  mem_limit: 'mem_limit is not supported in a stack: set limits with deploy.resources',
  memswap_limit: 'memswap_limit is not supported in a stack: set limits with deploy.resources',
};

/** Parts of `deploy:` the schema allows that Berth does not carry out. */
const IGNORED_DEPLOY_PATHS: readonly string[][] = [
  ['resources', 'limits', 'pids'],
  ['resources', 'reservations', 'generic_resources'],
  ['resources', 'reservations', 'devices'],
];

/** Top-level keys of the compose specification that a stack does not use. */
const IGNORED_TOP_LEVEL = ['models'];

/** Refuses the keys swarm refuses, and `include` (it would bring in files nobody gave). */
export function reportForbiddenOptions(ctx: CompileContext, document: Record<string, unknown>): void {
  if (document.include !== undefined)
    report(ctx, ['include'], 'include is not supported in a stack: pass every file with -c');
  for (const [name, service] of Object.entries(mapOf(document.services))) {
    for (const key of Object.keys(mapOf(service)))
      if (key in FORBIDDEN) report(ctx, ['services', name, key], FORBIDDEN[key]);
  }
}

/**
 * The warnings `docker stack deploy` prints about keys it does not carry out, in its words, for
 * the keys Berth does not carry out: "Ignoring unsupported options: build, restart" (sorted, each
 * once), then the deprecated ones with their reasons.
 */
export function optionWarnings(document: Record<string, unknown>): string[] {
  const services = Object.values(mapOf(document.services)).map(mapOf);
  const ignored = new Set<string>(IGNORED_TOP_LEVEL.filter((key) => document[key] !== undefined));
  const deprecated = new Set<string>();
  for (const service of services) {
    for (const key of Object.keys(service)) {
      if (key.startsWith('x-') || HONOURED.has(key) || key in FORBIDDEN) continue;
      if (key in DEPRECATED) deprecated.add(key);
      else if (key !== 'restart' || restartPolicyGiven(service)) ignored.add(key);
    }
    for (const path of IGNORED_DEPLOY_PATHS)
      if (valueAt(service.deploy, path) !== undefined) ignored.add(['deploy', ...path].join('.'));
  }
  const warnings: string[] = [];
  if (ignored.size > 0) warnings.push(`Ignoring unsupported options: ${[...ignored].sort().join(', ')}`);
  const networkOptions = ignoredOptions(document.networks, NETWORK_KEYS, networkExtras);
  if (networkOptions.length > 0)
    warnings.push(`Ignoring unsupported network options: ${networkOptions.join(', ')}`);
  const volumeOptions = ignoredOptions(document.volumes, VOLUME_KEYS, volumeExtras);
  if (volumeOptions.length > 0)
    warnings.push(`Ignoring unsupported volume options: ${volumeOptions.join(', ')}`);
  if (deprecated.size > 0) {
    const reasons = [...deprecated].sort().map((key) => `${key}: ${DEPRECATED[key]}`);
    warnings.push(`Ignoring deprecated options:\n\n${reasons.join('\n\n')}`);
  }
  return warnings;
}

/** Keys of a top-level network or volume declaration that Berth carries out. */
const NETWORK_KEYS = new Set(['name', 'driver', 'attachable', 'labels', 'ipam', 'external']);
const VOLUME_KEYS = new Set(['name', 'external']);

/** Of `ipam`, only the first subnet is used. */
function networkExtras(declaration: Record<string, unknown>): string[] {
  const ipam = mapOf(declaration.ipam);
  const configs = Array.isArray(ipam.config) ? ipam.config.map(mapOf) : [];
  return [
    ...Object.keys(ipam)
      .filter((key) => key !== 'config' && !key.startsWith('x-'))
      .map((key) => `ipam.${key}`),
    ...configs.flatMap((c, i) =>
      Object.keys(c)
        .filter((key) => i > 0 || key !== 'subnet')
        .map((key) => `ipam.config.${key}`),
    ),
  ];
}

/** A volume's driver is the node's own (`local`); other drivers are not carried out. */
function volumeExtras(declaration: Record<string, unknown>): string[] {
  return declaration.driver !== undefined && declaration.driver !== 'local' ? ['driver'] : [];
}

/**
 * The options of top-level declarations (networks or volumes) that Berth does not carry out,
 * sorted, each once.
 */
function ignoredOptions(
  section: unknown,
  honoured: ReadonlySet<string>,
  extras: (declaration: Record<string, unknown>) => string[],
): string[] {
  const found = new Set<string>();
  for (const declaration of Object.values(mapOf(section)).map(mapOf)) {
    if (isExternal(declaration.external)) continue;
    for (const key of Object.keys(declaration))
      if (!honoured.has(key) && !key.startsWith('x-') && key !== 'driver') found.add(key);
    for (const key of extras(declaration)) found.add(key);
  }
  return [...found].sort();
}

/** `restart:` is used only when there is no `deploy.restart_policy`, as swarm does. */
function restartPolicyGiven(service: Record<string, unknown>): boolean {
  const policy = mapOf(service.deploy).restart_policy;
  return policy !== undefined && policy !== null;
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, key) => (v === undefined ? undefined : mapOf(v)[key]), value);
}
