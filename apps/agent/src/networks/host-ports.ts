/**
 * Published host ports: held (a socket bound to each) for as long as their container runs, so no
 * one else can take them; checked by binding them for a moment before anything is made.
 */
import type { PortMapping, Reservation } from '@berth/network';
import type { ContainerRecord } from '../containers/model';

/** Binds every mapping's host port (free ones for hostPort 0), or none: @berth/network's reservePorts. */
export type ReservePorts = (mappings: readonly PortMapping[]) => Promise<Reservation[]>;

export class HostPorts {
  /** What is held, by container; an entry only when something is. */
  private readonly held = new Map<string, Reservation[]>();

  constructor(private readonly reserve: ReservePorts) {}

  /** Fails (with Docker's message) if a host port is taken, holding nothing afterwards. */
  async check(ports: readonly PortMapping[]): Promise<void> {
    const held = await this.reserve(ports.filter((p) => p.hostPort !== 0));
    await Promise.all(held.map((r) => r.close()));
  }

  /** PORTS held for container ID; what they became (a port 0 given one). */
  async hold(containerId: string, ports: readonly PortMapping[]): Promise<PortMapping[]> {
    const reservations = await this.reserve(ports);
    if (reservations.length) this.held.set(containerId, reservations);
    return reservations.map((r) => r.mapping);
  }

  /** Hold again the ports of a container that kept running while the agent was away. */
  async rehold(c: Pick<ContainerRecord, 'id' | 'boundPorts'>): Promise<void> {
    if (c.boundPorts.length) this.held.set(c.id, await this.reserve(c.boundPorts));
  }

  holds(containerId: string): boolean {
    return this.held.has(containerId);
  }

  async release(containerId: string): Promise<void> {
    const held = this.held.get(containerId) ?? [];
    this.held.delete(containerId);
    await Promise.all(held.map((r) => r.close()));
  }

  async releaseAll(): Promise<void> {
    for (const id of [...this.held.keys()]) await this.release(id);
  }
}
