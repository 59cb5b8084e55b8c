/**
 * Host ports held for published container ports. Traffic is steered by
 * portmap's DNAT rules; the listening socket kept here makes the port taken
 * for everyone else (as Docker's proxy does), so a second container, or any
 * program, cannot claim it. Binding it first is also how a taken port is
 * found before anything is created.
 */
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import { PortInUseError } from './errors';
import type { PortMapping } from './ports';

export interface Reservation {
  mapping: PortMapping;
  close(): Promise<void>;
}

function reserveOne(mapping: PortMapping): Promise<Reservation> {
  const host = mapping.hostIp || (mapping.hostIp === '' ? '0.0.0.0' : mapping.hostIp);
  return new Promise((resolve, reject) => {
    const taken = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new PortInUseError(mapping.hostIp, mapping.hostPort, mapping.protocol)
          : error,
      );
    if (mapping.protocol === 'udp') {
      const socket = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
      socket.once('error', taken);
      socket.bind(mapping.hostPort, host, () => {
        socket.off('error', taken);
        socket.unref();
        const port = socket.address().port;
        resolve({
          mapping: { ...mapping, hostPort: port },
          close: () => new Promise((r) => socket.close(() => r())),
        });
      });
      return;
    }
    const server = net.createServer((socket) => socket.destroy()); // DNAT takes the traffic; a stray connection is dropped
    server.once('error', taken);
    server.listen({ port: mapping.hostPort, host, exclusive: true }, () => {
      server.off('error', taken);
      server.unref();
      const port = (server.address() as net.AddressInfo).port;
      resolve({
        mapping: { ...mapping, hostPort: port },
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

/** Hold every mapping's host port (picking free ones for hostPort 0); on any failure none are held. */
export async function reservePorts(mappings: readonly PortMapping[]): Promise<Reservation[]> {
  const held: Reservation[] = [];
  try {
    for (const mapping of mappings) held.push(await reserveOne(mapping));
    return held;
  } catch (error) {
    await Promise.all(held.map((r) => r.close()));
    throw error;
  }
}
