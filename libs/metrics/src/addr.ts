/** `--metrics-addr HOST:PORT`, read once at start. Pure. */
export interface MetricsAddr {
  host: string;
  port: number;
}

export class MetricsAddrError extends Error {
  constructor(readonly value: string) {
    super(
      `--metrics-addr ${value}: expected HOST:PORT, such as 127.0.0.1:9323 (brackets around an IPv6 host)`,
    );
  }
}

export function parseMetricsAddr(value: string): MetricsAddr {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+):(\d{1,5})$/.exec(value);
  const port = Number(m?.[2]);
  if (!m || port < 1 || port > 65535) throw new MetricsAddrError(value);
  return { host: m[1].replace(/^\[(.*)\]$/, '$1'), port };
}

export function metricsAddrText(addr: MetricsAddr): string {
  return addr.host.includes(':') ? `[${addr.host}]:${addr.port}` : `${addr.host}:${addr.port}`;
}
