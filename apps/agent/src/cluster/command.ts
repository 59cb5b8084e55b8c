import { execFile } from 'node:child_process';

/** ARGV run with INPUT on stdin (if any); its stdout, or an error naming the command and its stderr. */
export function run(argv: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(argv[0], argv.slice(1), (error, stdout, stderr) =>
      error ? reject(new Error(`${argv.join(' ')}: ${stderr.trim() || error.message}`)) : resolve(stdout),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}
