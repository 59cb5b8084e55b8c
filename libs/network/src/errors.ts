/** Errors of container networking, with what to do about them. */

export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A CNI plugin failed; its own error code and message, and which plugin. */
export class CniError extends NetworkError {
  constructor(
    readonly plugin: string,
    readonly command: string,
    readonly code: number,
    readonly reason: string,
  ) {
    super(`CNI plugin ${plugin} ${command} failed${code ? ` (code ${code})` : ''}: ${reason}`);
  }
}

export class PortInUseError extends NetworkError {
  constructor(
    readonly hostIp: string,
    readonly hostPort: number,
    readonly protocol: string,
    holder = '',
  ) {
    super(
      `Bind for ${hostIp || '0.0.0.0'}:${hostPort}/${protocol} failed: port is already allocated${holder ? ` (by ${holder})` : ''}; choose another host port or stop what holds it`,
    );
  }
}

export class InvalidPortSpecError extends NetworkError {
  constructor(
    readonly spec: string,
    reason: string,
  ) {
    super(`invalid publish spec "${spec}": ${reason} (use [IP:][HOST_PORT:]CONTAINER_PORT[/tcp|udp])`);
  }
}
