export {
  parseCommand,
  formatTable,
  humanDuration,
  takeGlobalFlags,
  timeAgo,
  UsageError,
  type Values,
} from './args';
export {
  asksForHelp,
  command,
  parseUsage,
  usageLine,
  usageText,
  type Command,
  type Parsed,
  type Usage,
} from './usage';
export { ProgressRenderer, formatLine, formatSize, progressBar, type ProgressLine } from './progress';
