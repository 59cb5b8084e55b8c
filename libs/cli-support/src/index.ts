export {
  parseCommand,
  formatTable,
  humanDuration,
  takeGlobalFlags,
  timeAgo,
  UsageError,
  type Values,
} from './args';
export { ProgressRenderer, formatLine, formatSize, progressBar, type ProgressLine } from './progress';
