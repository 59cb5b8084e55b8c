/** The label on everything a stack makes: `stack rm` and `stack ls` find them by it (Docker's name). */
export const STACK_LABEL = 'com.docker.stack.namespace';

/** What a stack deploy did (or would do, with --dry-run), and what `stack rm` removed. */
export interface StackSummary {
  networks: string[];
  created: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  removedNetworks?: string[];
  /** "secret app_db_password", "config app_nginx" */
  files?: string[];
  removedFiles?: string[];
  /** stack rm: what other stacks' services still use, left in place */
  kept?: string[];
}
