/**
 * berth: Docker's verbs for Berth, talking to the engine (berthd) on its
 * unix socket (-H / BERTH_HOST). Every command module loads on demand, so a
 * command pays only for what it uses (commands/registry.ts).
 */
import { berth } from './berth';
import { closeEngine } from './context';

void berth(process.argv.slice(2))
  .then((code) => (process.exitCode = code))
  .finally(closeEngine);
