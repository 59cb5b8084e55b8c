/** @berth/process — running host programs: the shared signature and Node's own way of doing it. */
export {
  ProgramError,
  ProgramMissingError,
  runChecked,
  runDirect,
  type ProgramOptions,
  type ProgramResult,
  type RunProgram,
} from './programs';
export {
  CNI_PLUGINS,
  HOST_PROGRAMS,
  installAdvice,
  missingProgram,
  type ProgramSource,
} from './host-programs';
