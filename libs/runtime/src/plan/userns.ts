/**
 * What changes when a container has a user namespace of its own (runc's
 * nsexec and rootfs_linux make the same choices). The monitor clones the init
 * into it and maps it; what needs the host's powers is done by the monitor
 * before that clone (native/src/userns.c), everything else stays a setup step.
 * Pure.
 */
import type { CgroupLayout } from '../cgroups/layout';
import { ANNOTATION, type OverlayRoot } from '../oci/annotations';
import { hostIdOf } from '../oci/validate-userns';
import type { OciDevice, OciIdMapping, OciMount, OciSpec } from '../oci/spec';
import type { Instruction } from './instructions';
import { MS } from './mount-options';

/** A user namespace made for the container (validateSpec refuses joining one by path). */
export function hasNewUserNamespace(spec: OciSpec): boolean {
  return (spec.linux?.namespaces ?? []).some((ns) => ns.type === 'user' && !ns.path);
}

/** Its network namespace is owned by its user namespace only when both are new. */
export function ownsNetworkNamespace(spec: OciSpec): boolean {
  const net = (spec.linux?.namespaces ?? []).find((ns) => ns.type === 'network');
  return net !== undefined && !net.path;
}

export function idMapInstructions(spec: OciSpec): Instruction[] {
  const lines = (kind: 'uid' | 'gid', maps: OciIdMapping[] | undefined): Instruction[] =>
    (maps ?? []).map((m) => ['id-map', kind, String(m.containerID), String(m.hostID), String(m.size)]);
  return [...lines('uid', spec.linux?.uidMappings), ...lines('gid', spec.linux?.gidMappings)];
}

/**
 * A namespace given by path belongs to the host's user namespace (CNI made it
 * there), and nothing inside the new one may setns into it: the monitor joins
 * it before it clones and the init inherits it. (The other way, runc's, is a
 * child that joins and then unshares the user namespace, with a second fork for
 * the pid namespace; inheriting keeps the monitor's one clone.) The pid
 * namespace by path is joined by the monitor already ('ns').
 */
export function joinsEarly(spec: OciSpec, type: string, path: string | undefined): boolean {
  return hasNewUserNamespace(spec) && path !== undefined && type !== 'pid' && type !== 'user';
}

/**
 * The overlay is mounted by the monitor (host root) in a mount namespace of
 * its own that the init's copies at clone: overlayfs then reads the layers'
 * trusted.* xattrs as always, and needs no user-namespace support in the
 * kernel. The init's mount-root only binds the mounted root onto itself.
 */
export function premountRoot(
  spec: OciSpec,
  overlay: OverlayRoot,
  mountRoot: Instruction,
): { monitor: Instruction[]; step: Instruction } {
  const [, source, fstype, flags, data, chdir] = mountRoot as readonly [
    'mount-root',
    string,
    string,
    string,
    string,
    string,
  ];
  const idmap =
    spec.annotations?.[ANNOTATION.overlayIdmap] === 'true'
      ? overlay.lowerDirs.map((dir): Instruction => ['idmap-dir', dir])
      : [];
  return {
    monitor: [...idmap, ['premount-root', source, fstype, flags, data, chdir]],
    step: ['mount-root', '', '', '0', '', ''],
  };
}

/** Device nodes cannot be made in a user namespace: the host's are bound instead, as runc does. */
export function boundDevice(device: OciDevice): Instruction {
  return ['mount', device.path, device.path, '', String(MS.BIND), '0', ''];
}

/**
 * sysfs can be mounted only by the owner of the network namespace; when the
 * container's is the host's or was made outside, the host's /sys is bound
 * read-only (runc falls back the same way).
 */
export function sysfsMount(spec: OciSpec, mount: OciMount): OciMount {
  if (mount.type !== 'sysfs' || !hasNewUserNamespace(spec) || ownsNetworkNamespace(spec)) return mount;
  return { ...mount, type: 'bind', source: '/sys', options: ['rbind', 'nosuid', 'noexec', 'nodev', 'ro'] };
}

/**
 * The runtime spec's cgroup ownership: a container with a cgroup namespace of its own and a
 * writable cgroup v2 mount at /sys/fs/cgroup gets its cgroup (the directory and the kernel's
 * delegatable files) owned by its process's user, as the host knows it. Docker's mount is
 * read-only, so Docker's containers keep root's; cgroup v1 has no delegation.
 */
export function cgroupOwner(spec: OciSpec, layout: CgroupLayout): { uid: number; gid: number } | null {
  if (layout.mode !== 'v2') return null;
  const ownNamespace = (spec.linux?.namespaces ?? []).some((ns) => ns.type === 'cgroup' && !ns.path);
  const mount = (spec.mounts ?? []).find((m) => m.destination === '/sys/fs/cgroup' && m.type === 'cgroup');
  if (!ownNamespace || !mount || (mount.options ?? []).includes('ro') || !spec.process) return null;
  const { uid, gid } = spec.process.user;
  if (!hasNewUserNamespace(spec)) return uid === 0 && gid === 0 ? null : { uid, gid };
  const hostUid = hostIdOf(spec.linux?.uidMappings ?? [], uid);
  const hostGid = hostIdOf(spec.linux?.gidMappings ?? [], gid);
  return hostUid === null || hostGid === null ? null : { uid: hostUid, gid: hostGid };
}

/**
 * Inside a user namespace a process may not raise its hard limits nor lower its OOM score
 * (both need the host's CAP_SYS_RESOURCE), so these are set on it from outside before it runs:
 * by the monitor on the init, by the exec shim on itself before it joins (runc's parent does so).
 */
export function limitsFromOutside(spec: OciSpec, process: Instruction[]): Instruction[] {
  if (!hasNewUserNamespace(spec)) return process;
  return process.map((i): Instruction => {
    if (i[0] === 'rlimit') return ['outer-rlimit', i[1], i[2], i[3]];
    if (i[0] === 'oom-score-adj') return ['outer-oom-score-adj', i[1]];
    return i;
  });
}
