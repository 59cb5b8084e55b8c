/**
 * The engine's resolver for one network: answers the names of containers on
 * it (LOOKUP), and forwards every other query, as sent, to the upstream
 * servers, relaying the first answer back. UDP only, as containers' stub
 * resolvers ask; a truncated upstream answer reaches the client as such.
 */
import * as dgram from 'node:dgram';
import { answerQuery, DnsFormatError, errorAnswer, parseQuery, RCODE, TYPE } from './message';

export interface DnsServerOptions {
  address: string;
  port?: number;
  /** The addresses NAME has for the container at FROM (the asker's address); null when unknown here. */
  lookup: (name: string, from: string) => string[] | null;
  /** host:port or host (port 53), tried in order. */
  upstreams: string[];
  upstreamTimeoutMs?: number;
}

export class DnsServer {
  private constructor(
    private readonly socket: dgram.Socket,
    private readonly options: DnsServerOptions,
  ) {
    socket.on('message', (msg, peer) => void this.handle(msg, peer));
  }

  static async listen(options: DnsServerOptions): Promise<DnsServer> {
    const socket = dgram.createSocket({ type: 'udp4', reuseAddr: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(options.port ?? 53, options.address, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    socket.on('error', () => undefined); // per-datagram errors are the client's problem
    return new DnsServer(socket, options);
  }

  get port(): number {
    return this.socket.address().port;
  }

  /** answers given from lookup(), for round robin */
  private answered = 0;

  private reply(data: Buffer, peer: dgram.RemoteInfo): void {
    this.socket.send(data, peer.port, peer.address);
  }

  private async handle(msg: Buffer, peer: dgram.RemoteInfo): Promise<void> {
    let query;
    try {
      query = parseQuery(msg);
    } catch (error) {
      if (error instanceof DnsFormatError) this.reply(errorAnswer(msg, RCODE.FORMERR), peer);
      return;
    }
    const { name, type } = query.question;
    const found = this.options.lookup(name, peer.address);
    if (found) {
      // round robin: clients mostly take the first address, so each answer starts one further on
      const known = rotated(found, this.answered++);
      // a container has IPv4 addresses only: AAAA and others get an empty, authoritative answer
      this.reply(answerQuery(msg, query, type === TYPE.A || type === TYPE.ANY ? known : []), peer);
      return;
    }
    const answer = await this.forward(msg);
    this.reply(answer ?? answerQuery(msg, query, [], RCODE.SERVFAIL), peer);
  }

  /** The first upstream answer to MSG, or null when none answered in time. */
  private async forward(msg: Buffer): Promise<Buffer | null> {
    for (const upstream of this.options.upstreams) {
      const [host, port = '53'] = upstream.split(/:(?=\d+$)/);
      const answer = await new Promise<Buffer | null>((resolve) => {
        const socket = dgram.createSocket('udp4');
        const done = (value: Buffer | null) => {
          clearTimeout(timer);
          socket.close();
          resolve(value);
        };
        const timer = setTimeout(() => done(null), this.options.upstreamTimeoutMs ?? 2000);
        socket.on('message', (reply) => {
          if (reply.length >= 2 && reply.readUInt16BE(0) === msg.readUInt16BE(0)) done(reply);
        });
        socket.on('error', () => done(null));
        socket.send(msg, Number(port), host);
      });
      if (answer) return answer;
    }
    return null;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}

/** The nameservers of a resolv.conf's TEXT (for forwarding), leaving out EXCLUDE. */
export function nameserversOf(text: string, exclude: string[] = []): string[] {
  return text
    .split('\n')
    .map((l) => /^\s*nameserver\s+(\S+)/.exec(l)?.[1])
    .filter((s): s is string => !!s && s.includes('.') && !exclude.includes(s));
}

/** ADDRESSES starting at index TURN (modulo their number): the round robin of DNS answers. Pure. */
export function rotated<T>(addresses: readonly T[], turn: number): T[] {
  if (addresses.length < 2) return [...addresses];
  const k = turn % addresses.length;
  return [...addresses.slice(k), ...addresses.slice(0, k)];
}
