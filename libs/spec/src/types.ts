import type { Problem } from './errors';
import type { ServiceSpec } from '@berth/cluster';

/** One `-c` file: its path (for messages and relative paths) and its text. */
export interface StackFile {
  path: string;
  content: string;
}

export interface LoadOptions {
  /** in `-c` order; later files override earlier ones */
  files: StackFile[];
  /** the process environment: it wins over `dotEnv` */
  env: Record<string, string>;
  /** the content of the `.env` file next to the first file, if any */
  dotEnv?: string;
  /** e.g. "app": services become `app_web`, networks `app_front` */
  stackName: string;
  /**
   * Reads a file a stack file names (`env_file`), given its path resolved against the directory of
   * the stack file that names it. Throws if it cannot. The only I/O `loadStack` does, and only
   * when a service has an `env_file`.
   */
  readFile?: (path: string) => string;
}

export interface StackService {
  /** namespaced: `${stackName}_${key}` */
  name: string;
  /** the key under `services:` */
  shortName: string;
  spec: ServiceSpec;
}

export interface StackNetwork {
  /** `${stackName}_${key}`, or the name the file gives (`name:`, external name) */
  name: string;
  key: string;
  /** made outside the stack: deploy checks that it exists and never creates or removes it */
  external: boolean;
  driver: 'overlay';
  attachable: boolean;
  labels: Record<string, string>;
  /** from `ipam.config[0].subnet`; '' for the manager to choose */
  subnet: string;
}

/** A secret or config the stack declares at top level. */
export interface StackFileObject {
  /** `${stackName}_${key}`, or the name the file gives (`name:`, external name) */
  name: string;
  key: string;
  /** made outside the stack: deploy checks that it exists and never creates it */
  external: boolean;
  /** `file:`, resolved against the directory of the stack file that declares it; '' if none */
  file: string;
  /** `environment:`: the variable whose value is the content; '' if none */
  environment: string;
  /** `content:` (configs only), already interpolated; '' if none */
  content: string;
  labels: Record<string, string>;
}

export interface LoadedStack {
  /** the merged, interpolated document (what `stack config` prints) */
  config: Record<string, unknown>;
  /** sorted by name */
  services: StackService[];
  /** every network declared or used, including `${stackName}_default` when a service uses it; sorted by name */
  networks: StackNetwork[];
  /** sorted by name */
  secrets: StackFileObject[];
  /** sorted by name */
  configs: StackFileObject[];
  /** for people, one message each, e.g. "Ignoring unsupported options: build, restart" */
  warnings: string[];
}

/** A stack as read, problems and all: see `readStack`. */
export interface StackReading {
  /** absent when the files could not be parsed, interpolated or merged */
  stack?: LoadedStack;
  /** in reading order; none means the stack can be deployed */
  problems: Problem[];
}
