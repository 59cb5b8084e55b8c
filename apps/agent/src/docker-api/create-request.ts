/**
 * The body of the Docker Engine API's `POST /containers/create` (moby's container Config with
 * its HostConfig and NetworkingConfig, as the docker CLI and dockerode send it) → the engine's
 * ContainerRequest. The body is untrusted: a field of the wrong type is refused by its path,
 * and a field Berth cannot honour (a device, another runtime, the host's PID namespace…) is
 * refused by name (NotSupportedError, 501) unless it holds its zero value, as clients send
 * them. Fields that only describe the client's side of the exchange (AttachStdin…, StdinOnce,
 * ArgsEscaped, OnBuild, Shell) are not read. Pure.
 */
import { hostPlatform, type Platform } from '@berth/image';
import { containerRequest, type ContainerRequest, type HealthcheckRequest } from '../containers/request';
import { InvalidArgumentError } from '../errors';
import { hostConfigFromDocker } from './create-host-config';
import { mountsFromDocker } from './create-mounts';
import { networkFromDocker } from './create-network';
import { JsonFields, NotSupportedError } from './json-fields';

export interface CreateQuery {
  name?: string;
  platform?: string;
}

type ConfigFields = Pick<
  ContainerRequest,
  | 'entrypoint'
  | 'cmd'
  | 'env'
  | 'workingDir'
  | 'user'
  | 'hostname'
  | 'labels'
  | 'tty'
  | 'openStdin'
  | 'stopSignal'
  | 'stopTimeoutMs'
  | 'healthcheck'
  | 'noHealthcheck'
>;

const SECOND = 1000;
/** The sections of a body that are not its Config: a body of only these has no Config. */
const NOT_CONFIG = ['HostConfig', 'NetworkingConfig'];

/** BODY with the request's QUERY; a platform other than HOST's is refused. */
export function containerRequestFromDocker(
  body: unknown,
  query: CreateQuery,
  host: Platform = hostPlatform(),
): ContainerRequest {
  const config = configOf(body);
  checkPlatform(query.platform, host);
  const image = config.string('Image');
  if (!image)
    throw new InvalidArgumentError(
      'no image given: Image is required, Berth creates containers from an image',
    );
  const hostConfig = config.object('HostConfig');
  return containerRequest(image, {
    name: query.name ?? '',
    ...configFromDocker(config),
    ...hostConfigFromDocker(hostConfig, config),
    mounts: mountsFromDocker(hostConfig, config),
    ...networkFromDocker(hostConfig, config, config.object('NetworkingConfig')),
  });
}

function configOf(body: unknown): JsonFields {
  const given =
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    Object.keys(body).some((k) => !NOT_CONFIG.includes(k));
  // dockerd's words for a body without its Config
  if (!given) throw new InvalidArgumentError('config cannot be empty in order to create a container');
  return JsonFields.of(body, '');
}

/** `?platform=linux/amd64`: Berth runs images of its own machine's platform only. */
function checkPlatform(platform: string | undefined, host: Platform): void {
  if (!platform) return;
  const [os, arch] = platform.toLowerCase().split('/');
  const architecture = ({ x86_64: 'amd64', aarch64: 'arm64' } as Record<string, string>)[arch] ?? arch;
  if (os === host.os && (!arch || architecture === host.architecture)) return;
  throw new NotSupportedError(
    'platform',
    `platform "${platform}" is not supported by Berth on this ${host.os}/${host.architecture} machine: it runs images of its own platform only`,
  );
}

function configFromDocker(c: JsonFields): ConfigFields {
  c.refuseUnless('Domainname', '--domainname');
  c.refuseUnless('MacAddress', '--mac-address');
  return {
    entrypoint: entrypointFrom(c),
    cmd: c.stringSlice('Cmd') ?? [],
    env: c.strings('Env'),
    workingDir: c.string('WorkingDir'),
    user: c.string('User'),
    hostname: c.string('Hostname'),
    labels: c.stringMap('Labels'),
    tty: c.boolean('Tty'),
    openStdin: c.boolean('OpenStdin'),
    stopSignal: c.string('StopSignal'),
    stopTimeoutMs: stopTimeoutFrom(c),
    ...healthcheckFrom(c.object('Healthcheck')),
  };
}

/**
 * null (or absent) takes the image's; `[""]` (`--entrypoint ""`) and `[]` clear it, and with it
 * the image's CMD, as `--entrypoint` does.
 */
function entrypointFrom(c: JsonFields): string[] | null {
  const entrypoint = c.stringSlice('Entrypoint');
  if (entrypoint?.length === 1 && entrypoint[0] === '') return [];
  return entrypoint;
}

/** Seconds; null or absent: Docker's default. A negative one (wait for ever) is refused. */
function stopTimeoutFrom(c: JsonFields): number | null {
  const seconds = c.integerOrNull('StopTimeout');
  if (seconds === null) return null;
  if (seconds < 0)
    throw new NotSupportedError(
      c.name('StopTimeout'),
      `${c.name('StopTimeout')} ${seconds} (wait for ever) is not supported by Berth: give a number of seconds`,
    );
  return seconds * SECOND;
}

/** Test ["NONE"] turns the image's off; durations are nanoseconds, 0 takes the image's. */
function healthcheckFrom(h: JsonFields): Pick<ConfigFields, 'healthcheck' | 'noHealthcheck'> {
  if (!h.given) return { healthcheck: null, noHealthcheck: false };
  const test = h.strings('Test');
  if (test[0] === 'NONE') return { healthcheck: null, noHealthcheck: true };
  h.refuseUnless('StartInterval', '--health-start-interval');
  const retries = h.integer('Retries');
  if (retries < 0) throw new InvalidArgumentError('Retries in Healthcheck cannot be negative');
  const healthcheck: HealthcheckRequest = {
    test,
    intervalMs: durationMs(h, 'Interval'),
    timeoutMs: durationMs(h, 'Timeout'),
    startPeriodMs: durationMs(h, 'StartPeriod'),
    retries,
  };
  return { healthcheck, noHealthcheck: false };
}

/** Nanoseconds → milliseconds: 0, or at least 1 ms (as dockerd checks). */
function durationMs(h: JsonFields, key: string): number {
  const ns = h.integer(key);
  if (ns !== 0 && ns < 1e6) throw new InvalidArgumentError(`${key} in Healthcheck cannot be less than 1ms`);
  return Math.round(ns / 1e6);
}
