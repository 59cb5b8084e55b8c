export { formatProblem, type Problem, SpecError } from './errors';
export { loadStack, readStack, renderConfig } from './load';
export { substitute, type Lookup } from './interpolate';
export { parseEnvFile } from './env-file';
export { parsePortText } from './ports';
export type {
  LoadedStack,
  LoadOptions,
  StackFile,
  StackFileObject,
  StackNetwork,
  StackReading,
  StackService,
} from './types';
