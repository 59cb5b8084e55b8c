/**
 * berth: Docker's verbs for Berth. The engine commands arrive with the agent
 * (issue 4) and the cluster commands with the manager (issue 5); until then
 * this says so instead of pretending.
 */
const VERSION = '0.1.0';

function main(argv: string[]): number {
  const [command] = argv;
  if (command === 'version' || command === '--version' || command === '-v') {
    process.stdout.write(`berth version ${VERSION}\n`);
    return 0;
  }
  const usage =
    'Usage: berth COMMAND\n\n' +
    'The engine (run, ps, images, …) and cluster (node, service, stack) commands are not built yet.\n' +
    'The container executor is available now as `berth-runtime` (see `berth-runtime --help`).\n';
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(usage);
    return command ? 0 : 1;
  }
  process.stderr.write(`berth: '${command}' is not a berth command yet.\n${usage}`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
