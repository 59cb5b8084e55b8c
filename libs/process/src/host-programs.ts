/**
 * Every host program Berth, its tests and its local cluster start, with the Debian package that
 * provides it. scripts/setup.sh must install each package (host-programs.spec.ts checks the code
 * against this list and this list against the script), and a program missing at run time anyway
 * is reported with its package (ProgramMissingError).
 */

/** Where a program comes from. */
export interface ProgramSource {
  /** The Debian package that provides it. */
  package: string;
  /**
   * Essential packages are on every Debian system (dpkg refuses to remove them); others must be
   * in scripts/setup.sh's PACKAGES, or in bench.sh's own install for benchmark-only peers.
   */
  essential?: boolean;
  /** Installed with Node.js, not from Debian's archive. */
  node?: boolean;
}

const pkg = (name: string): ProgramSource => ({ package: name });
const essential = (name: string): ProgramSource => ({ package: name, essential: true });

export const HOST_PROGRAMS: Readonly<Record<string, ProgramSource>> = {
  // networking: the agent's overlay, bridge networks, the local cluster's machines
  ip: pkg('iproute2'),
  bridge: pkg('iproute2'),
  nft: pkg('nftables'),
  iptables: pkg('iptables'),
  'iptables-save': pkg('iptables'),
  'iptables-restore': pkg('iptables'),
  sysctl: pkg('procps'),
  ps: pkg('procps'),
  // namespaces and mounts
  nsenter: essential('util-linux'),
  unshare: essential('util-linux'),
  mount: pkg('mount'),
  umount: pkg('mount'),
  // berthd --userns-remap default: its account and the account's subordinate ids
  getent: essential('libc-bin'),
  useradd: pkg('passwd'),
  usermod: pkg('passwd'),
  // the cluster's state and rollout queue
  etcd: pkg('etcd-server'),
  'redis-server': pkg('redis-server'),
  // peers and tools the tests compare with or drive
  busybox: pkg('busybox-static'),
  gcc: pkg('gcc'), // with libc6-dev: the seccomp tests' static probe, the console-socket receiver
  runc: pkg('runc'),
  crun: pkg('crun'),
  skopeo: pkg('skopeo'),
  'docker-registry': pkg('docker-registry'),
  htpasswd: pkg('apache2-utils'),
  openssl: pkg('openssl'),
  curl: pkg('curl'),
  hyperfine: pkg('hyperfine'),
  jq: pkg('jq'),
  // scrapes the manager's and agents' /metrics once in the observability test
  prometheus: pkg('prometheus'),
  dockerd: pkg('docker.io'),
  // a Debian machine with systemd as PID 1, for the test of Berth's system services
  debootstrap: pkg('debootstrap'),
  'systemd-nspawn': pkg('systemd-container'),
  docker: pkg('docker.io'),
  // the dashboard's browser test drives it through playwright-core
  chromium: pkg('chromium'),
  tar: essential('tar'),
  script: essential('bsdutils'),
  sh: essential('dash'),
  bash: essential('bash'),
  hostname: essential('hostname'),
  'dpkg-query': essential('dpkg'),
  id: essential('coreutils'),
  echo: essential('coreutils'),
  true: essential('coreutils'),
  sleep: essential('coreutils'),
  mknod: essential('coreutils'),
  npm: { package: 'npm', node: true },
  node: { package: 'nodejs', node: true },
};

/** CNI plugins Berth's network configurations name; Debian installs them under /usr/lib/cni. */
export const CNI_PLUGINS: Readonly<Record<string, ProgramSource>> = Object.fromEntries(
  ['bridge', 'host-local', 'portmap', 'static', 'tuning', 'firewall'].map((p) => [
    p,
    pkg('containernetworking-plugins'),
  ]),
);

/**
 * What to tell the user when PROGRAM is not there: which package to install, when we know it.
 */
export function installAdvice(program: string): string {
  const name = program.split('/').pop()!;
  const source = HOST_PROGRAMS[name] ?? CNI_PLUGINS[name];
  if (!source) return `${name} is not installed on this machine`;
  if (source.node) return `${name} is not installed on this machine: it comes with Node.js`;
  return `${name} is not installed on this machine: install Debian's ${source.package} package (apt-get install ${source.package}, or run scripts/setup.sh)`;
}

/**
 * The program that could not be started, read from how its failure was reported: Node's spawn
 * error (ENOENT), a shell's or runDirect's code 127, or a wrapper's own words (nsenter, unshare,
 * env: "failed to execute nft: No such file or directory").
 */
export function missingProgram(argv: readonly string[], code: number, stderr: string): string | undefined {
  const wrapped =
    /failed to execute (\S+?): No such file or directory/.exec(stderr) ??
    /(?:^|\n)(?:env|timeout|nohup|setsid): '?([^':\s]+)'?: No such file or directory/.exec(stderr);
  if (wrapped) return wrapped[1];
  if (code === 127 && /ENOENT|No such file or directory|not found/.test(stderr)) return argv[0];
  return undefined;
}
