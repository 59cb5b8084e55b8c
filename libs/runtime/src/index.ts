/**
 * @berth/runtime — Berth's container executor: an OCI runtime built on a
 * small C shim. No knowledge of images or clusters.
 */
export * from './errors';
export * from './oci/spec';
export { validateSpec, MIN_MEMORY_BYTES } from './oci/validate';
export { hostIdOf } from './oci/validate-userns';
export { mergeEnv } from './oci/env';
export { buildSpec, capabilitySet, type ContainerOptions, type BindMount } from './oci/container-spec';
export { ANNOTATION, overlayAnnotations, overlayFromAnnotations, type OverlayRoot } from './oci/annotations';
export * as dockerDefaults from './oci/docker-defaults';
export { Runtime } from './runtime';
export type {
  RuntimeOptions,
  CreateOptions,
  ContainerInfo,
  ExitInfo,
  ExecOptions,
  ExecProcess,
  ContainerStats,
} from './runtime-types';
export { type LogTarget } from './plan/compile';
export { parseSignal } from './signals';
export { readJsonLog, parseJsonLog, type LogEntry } from './logs/json-file';
export {
  openCgroupDriver,
  driverFor,
  detectCgroupLayout,
  CgroupV1Driver,
  CgroupV2Driver,
  type CgroupDriver,
  type CgroupLayout,
  type CgroupStats,
} from './cgroups';
export { NativeShimLauncher, type ShimLauncher, type ShimHandle } from './shim/launcher';
export { locateShim } from './shim/locate';
export { ShimSpawner, decodeSpawnAnswer, encodeSpawnRequest } from './shim/spawner';
export { applyFsOps, type FsOp } from './fs-ops';
export { pollUntil, pollFor, sleep } from './poll';
export { overwriteFile, readSlots, slotsExist, writeSlot, type Slotted } from './state/slots';
export { ensureInitLayer } from './oci/init-layer';
export {
  DOCKER_DEFAULT_PROFILE,
  dockerProfileToOci,
  parseDockerProfile,
  type DockerSeccompProfile,
} from './seccomp/docker-profile';
