/**
 * Which user namespace a new container gets under berthd --userns-remap, with
 * dockerd's rules (daemon/daemon_unix.go, verifyPlatformContainerSettings):
 * every container is remapped unless `--userns=host`; a remapped container may
 * be neither privileged nor on the host's network. Pure.
 */
import { InvalidArgumentError } from '../errors';
import type { RemapIdentity } from '../system/userns-remap';
import type { ContainerUserns } from './model';
import type { ContainerRequest } from './request';

export function usernsFor(
  request: Pick<ContainerRequest, 'usernsMode' | 'privileged' | 'network'>,
  remap: RemapIdentity | null,
): ContainerUserns | undefined {
  if (request.usernsMode !== '' && request.usernsMode !== 'host')
    throw new InvalidArgumentError(
      `invalid --userns "${request.usernsMode}": use "host" (or nothing, for the daemon's remapping)`,
    );
  if (!remap || request.usernsMode === 'host') return undefined;
  if (request.privileged)
    throw new InvalidArgumentError(
      'privileged mode is incompatible with user namespaces.  You must run the container in the host namespace when running privileged mode',
    );
  if (request.network === 'host')
    throw new InvalidArgumentError(
      "cannot share the host's network namespace when user namespaces are enabled",
    );
  return { uidMappings: remap.uidMappings, gidMappings: remap.gidMappings };
}
