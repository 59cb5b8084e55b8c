/** @berth/process — running host programs: the shared signature and Node's own way of doing it. */
export {
  ProgramError,
  runChecked,
  runDirect,
  type ProgramOptions,
  type ProgramResult,
  type RunProgram,
} from './programs';
