/**
 * The demo `npm run up` leaves running: busybox imported into every machine's engine (machines
 * start with no images, and this host may have no registry to pull from), and a global service
 * `hello` answering HTTP on port 8080 of every machine. Everything goes through bin/berth.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { buildBusyboxRootfs } from '../busybox-rootfs';
import { run } from './host';
import { BERTH } from './repo';
import type { ClusterState } from './state';

export const DEMO_PORT = 8080;

const HELLO = `mkdir -p /www && echo "hello from Berth, task $(hostname)" > /www/index.html && exec httpd -f -p 80 -h /www`;

/** Where the demo's image files go; `down` removes it. */
export function demoDir(state: Pick<ClusterState, 'stateDir'>): string {
  return path.join(state.stateDir, 'demo');
}

export async function deployDemo(state: ClusterState, say: (line: string) => void): Promise<string[]> {
  const tar = path.join(demoDir(state), 'busybox.tar');
  if (!fs.existsSync(tar)) {
    const rootfs = buildBusyboxRootfs(path.join(demoDir(state), 'busybox-rootfs'));
    await run('tar', ['-C', rootfs, '-cf', tar, '.']);
  }
  await Promise.all(
    state.machines.map((m) =>
      run(BERTH, ['-H', `unix://${m.socket}`, 'import', '-c', 'CMD ["sh"]', tar, 'busybox:latest']),
    ),
  );
  say('demo: busybox:latest imported into every machine');
  const cli = cliArgs(state);
  await run(BERTH, [
    ...cli,
    'service',
    'create',
    '--name',
    'hello',
    '--mode',
    'global',
    '--stop-grace-period',
    '2s',
    '--publish',
    `mode=host,published=${DEMO_PORT},target=80`,
    'busybox:latest',
    'sh',
    '-c',
    HELLO,
  ]);
  const answers = await Promise.all(state.machines.map((m) => get(`http://${m.address}:${DEMO_PORT}/`)));
  return state.machines.map((m, i) => `  curl http://${m.address}:${DEMO_PORT}/   → ${answers[i]}`);
}

/** bin/berth flags that reach this cluster's manager through the context `up` saved. */
export function cliArgs(state: ClusterState): string[] {
  const context = state.cliContext;
  return context ? ['--config', context.configDir, '--context', context.name] : [];
}

async function get(url: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await new Promise<string>((resolve, reject) => {
        http
          .get(url, { timeout: 2000 }, (res) => {
            let body = '';
            res.on('data', (d: Buffer) => (body += d.toString()));
            res.on('end', () => resolve(body.trim()));
          })
          .on('error', reject)
          .on('timeout', function (this: http.ClientRequest) {
            this.destroy(new Error('timed out'));
          });
      });
    } catch (error) {
      if (attempt >= 20) return `no answer (${(error as Error).message})`;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Removes the demo's image files, if `up` made them. */
export async function removeDemoFiles(state: Pick<ClusterState, 'stateDir'>): Promise<string[]> {
  if (!fs.existsSync(demoDir(state))) return [];
  fs.rmSync(demoDir(state), { recursive: true, force: true });
  return [`directory ${demoDir(state)}`];
}
