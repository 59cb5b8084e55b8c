import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NodeRole } from '@berth/cluster';

/** This machine's place in a cluster, as it keeps it across restarts. */
export interface Membership {
  nodeId: string;
  role: NodeRole;
  clusterId: string;
  /** the manager this agent holds (or last held) its session with */
  managerAddr: string;
  /** every manager's address as the managers last said; where the agent goes when its manager is away */
  managers?: string[];
  caPem: string;
  certPem: string;
  keyPem: string;
}

/** `<data-root>/cluster/`: the node's identity and key (root only). One I/O concern: these files. */
export class MembershipRepository {
  private readonly dir: string;

  constructor(dataRoot: string) {
    this.dir = path.join(dataRoot, 'cluster');
  }

  load(): Membership | null {
    try {
      const info = JSON.parse(fs.readFileSync(path.join(this.dir, 'node.json'), 'utf8')) as Omit<
        Membership,
        'caPem' | 'certPem' | 'keyPem'
      >;
      const read = (file: string) => fs.readFileSync(path.join(this.dir, file), 'utf8');
      return { ...info, caPem: read('ca.pem'), certPem: read('node.pem'), keyPem: read('node-key.pem') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  save(membership: Membership): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const { caPem, certPem, keyPem, ...info } = membership;
    const write = (file: string, text: string) => {
      const tmp = path.join(this.dir, `.${file}.tmp`);
      fs.writeFileSync(tmp, text, { mode: 0o600 });
      fs.renameSync(tmp, path.join(this.dir, file));
    };
    write('ca.pem', caPem);
    write('node.pem', certPem);
    write('node-key.pem', keyPem);
    write('node.json', `${JSON.stringify(info, null, 2)}\n`); // last: its presence means joined
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
