/**
 * @berth/image — images as OCI: the content store, layers unpacked for
 * overlayfs, the registry client, archives, and (issue 3) the builder.
 */
export * from './errors';
export * from './digest';
export * from './reference';
export * from './oci/types';
export { chainIds, chainIdOf } from './oci/chain';
export { Images, type ImagesOptions, type RemoveResult } from './images';
export type { ImageSummary, HistoryRow } from './image-views';
export type { ImageRecord, LayerRef } from './store/metadata';
export type { PullOptions } from './pull';
export type { PushOptions, PushResult } from './push';
export type { ProgressEvent, ProgressListener } from './progress';
export { RegistryClient, type Repository } from './registry/client';
export { RegistryError, RegistryUnreachableError, AuthenticationError } from './registry/errors';
export { CorruptContentError } from './errors';
export {
  CredentialStore,
  GivenCredentials,
  defaultConfigPath,
  type CredentialSource,
} from './registry/credentials';
export type { Credentials } from './registry/auth';
export type { ImportOptions } from './archive/import';
export type { ArchiveFormat, LoadResult } from './archive/image-archive';
export { Builder, type BuildOptions, type BuildResult } from './builder/builder';
export { BuildError } from './builder/source-tree';
export { DockerfileSyntaxError, parseDockerfile } from './builder/dockerfile/parser';
export { LayeredFs, resolveUser, lookupId, type LayerView, type ResolvedUser } from './builder/layered-fs';
export { applyConfigChange, ConfigChangeError } from './builder/config-changes';
export { DirectoryTree, extractLayer, treeEntries, type ReadableTree } from './archive/layer';
export { packTar, TarReader, withOwners, type OwnerMap, type PackEntry } from './archive/tar';
export { containerOwners, hostOwners, shiftOwners, type IdMappings } from './userns-owners';
export { LayeredTree } from './builder/source-tree';
export { copyEntry } from './builder/copy';
