/**
 * Which user namespace a new container gets under berthd --userns-remap, with
 * dockerd's rules (daemon/daemon_unix.go, verifyPlatformContainerSettings):
 * every container is remapped unless `--userns=host`; a remapped container may
 * be neither privileged nor on the host's network. Pure.
 */
import type { OwnerMap } from '@berth/image';
import { hostIdOf } from '@berth/runtime';
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

/**
 * A remapped container's files as the container knows them, for what leaves it (commit,
 * export, cp): host ids inside its ranges are shifted back; others — the layers', which it
 * sees through idmapped mounts as they are on disk — stay.
 */
export function containerOwners(userns: ContainerUserns): OwnerMap {
  return (id, kind) => {
    const m = (kind === 'uid' ? userns.uidMappings : userns.gidMappings).find(
      (r) => id >= r.hostID && id < r.hostID + r.size,
    );
    return m ? m.containerID + (id - m.hostID) : id;
  };
}

/** The other way, for what enters it (cp in): the container's ids as the host's in its ranges; others stay. */
export function hostOwners(userns: ContainerUserns): OwnerMap {
  return (id, kind) => hostIdOf(kind === 'uid' ? userns.uidMappings : userns.gidMappings, id) ?? id;
}
