/** Errors of the local cluster, each saying what failed and what to do about it. */

export class LocalClusterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A host command (ip, iptables, nsenter, umount) failed. */
export class HostCommandError extends LocalClusterError {
  constructor(
    readonly command: string,
    readonly args: readonly string[],
    readonly stderr: string,
  ) {
    super(`${command} ${args.join(' ')}: ${stderr || 'failed'}`);
  }
}

/** A process we started did not come up (it exited, or did not answer in time); its log's tail says why. */
export class StartError extends LocalClusterError {
  constructor(
    readonly what: string,
    readonly reason: string,
    readonly log: string,
    readonly logTail: string,
  ) {
    super(`${what} did not start: ${reason} (log: ${log})${logTail ? `\n${logTail}` : ''}`);
  }
}

/** The state dir holds no cluster, or holds one already. */
export class StateError extends LocalClusterError {}

/** Things were left on the machine after a teardown; each line names one. */
export class LeftoversError extends LocalClusterError {
  constructor(readonly leftovers: readonly string[]) {
    super(`left behind after teardown:\n  ${leftovers.join('\n  ')}`);
  }
}
