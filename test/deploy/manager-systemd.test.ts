/**
 * A manager machine as docs/deploy.md makes one, under systemd: scripts/install.sh --manager,
 * the etcd certificates of deploy/tls/etcd-certs.sh, Debian's etcd.service with TLS on its peer
 * and client ports from /etc/default/etcd, Redis with TLS, berth-manager.service with the
 * managers' client certificate and rediss://, `berth cluster init` and a stack deployed. One
 * machine and a one-member etcd (the walk-through's m1 alone, at 10.0.0.1 on a bridge of
 * the machine's own network); test/support/systemd-machine.ts says how the machine is made.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cgroupRoots, sharedBusyboxRootfs, until } from '@berth/testing';
import { bashArray, debianRoot, removeMachineCgroups, SystemdMachine } from '../support/systemd-machine';

const ROOT = path.resolve(__dirname, '../..');
const IP = '10.0.0.1';

const skipReason = process.getuid?.() !== 0 ? 'not root: systemd-nspawn needs root' : undefined;
if (skipReason) console.warn(`test/deploy/manager-systemd.test.ts skipped: ${skipReason}`);
const describeWithSystemd = skipReason ? describe.skip : describe;

jest.setTimeout(10 * 60_000);

describeWithSystemd('a manager machine under systemd, as docs/deploy.md makes it', () => {
  let machine: SystemdMachine;
  let scratch: string;
  const cgroupParent = () => `berth-systemd-${machine.tag}`;
  const sh = (script: string) =>
    machine.runInside(['bash', '--norc', '-euc', script], { timeoutMs: 120_000 });
  const berth = (args: string[]) => machine.runInside(['berth', ...args]);

  beforeAll(async () => {
    const lists = fs.readFileSync(path.join(ROOT, 'scripts/setup.sh'), 'utf8');
    const base = debianRoot([...bashArray(lists, 'BERTH_PACKAGES'), ...bashArray(lists, 'MANAGER_PACKAGES')]);
    const node = fs.realpathSync(process.execPath);
    const modules = fs.realpathSync(path.join(ROOT, 'node_modules'));
    const readOnly: Record<string, string> = {
      [ROOT]: ROOT,
      [node]: '/usr/local/bin/node',
      [path.resolve(path.dirname(node), '../lib/node_modules/npm')]: '/usr/local/lib/node_modules/npm',
    };
    if (modules !== path.join(ROOT, 'node_modules')) readOnly[modules] = modules;
    scratch = fs.mkdtempSync('/var/tmp/berth-manager-systemd-test-');
    for (const dir of ['exchange', 'data']) fs.mkdirSync(path.join(scratch, dir));
    spawnSync('tar', ['-C', sharedBusyboxRootfs(), '-cf', path.join(scratch, 'exchange/busybox.tar'), '.']);
    machine = new SystemdMachine(base, {
      readOnly,
      binds: {
        [path.join(scratch, 'exchange')]: '/mnt/berth-test',
        [path.join(scratch, 'data')]: '/var/lib/berth',
      },
    });
    await machine.boot();
    // the walk-through's m1 address, on the machine's own network
    sh(`ip link add m1 type bridge && ip addr add ${IP}/24 dev m1 && ip link set m1 up`);
  });

  afterAll(async () => {
    if (!machine) return;
    await machine.remove();
    const left = await removeMachineCgroups(cgroupRoots(), cgroupParent());
    fs.rmSync(scratch, { recursive: true, force: true });
    if (left.length)
      throw new Error(`cgroups the machine left and that could not be removed: ${left.join(' ')}`);
  });

  it('should install a manager machine: berthd and berth-manager enabled, not started', () => {
    const r = machine.execInside(['bash', path.join(ROOT, 'scripts/install.sh'), '--manager'], {
      timeoutMs: 180_000,
    });
    expect([r.status, r.stderr]).toEqual([
      0,
      expect.stringContaining('berthd.service berth-manager.service enabled'),
    ]);
    expect(machine.execInside(['systemctl', 'is-enabled', 'berth-manager']).stdout.trim()).toBe('enabled');
    expect(machine.execInside(['systemctl', 'is-active', 'berth-manager']).stdout.trim()).toBe('inactive');
    // (etcd itself runs already, with Debian's defaults: the cached root has its package installed
    // by debootstrap, whose postinst enabled it; step 4 restarts it on a data dir of its own)
  });

  it("should run etcd with TLS from Debian's unit, as step 4 sets it up", () => {
    sh(`bash /opt/berth/deploy/tls/etcd-certs.sh /root/etcd-pki m1=${IP}
      mkdir -p /etc/etcd/pki /etc/berth/etcd
      cp /root/etcd-pki/ca.crt /root/etcd-pki/m1/server.crt /root/etcd-pki/m1/server.key /etc/etcd/pki/
      cp /root/etcd-pki/ca.crt /root/etcd-pki/client/berth-manager.crt /root/etcd-pki/client/berth-manager.key /etc/berth/etcd/
      chown -R etcd:etcd /etc/etcd/pki && chmod 600 /etc/etcd/pki/server.key /etc/berth/etcd/berth-manager.key
      NAME=m1 IP=${IP}
      cat >/etc/default/etcd <<EOF
ETCD_NAME=$NAME
ETCD_DATA_DIR=/var/lib/etcd/berth
ETCD_LISTEN_PEER_URLS=https://$IP:2380
ETCD_INITIAL_ADVERTISE_PEER_URLS=https://$IP:2380
ETCD_LISTEN_CLIENT_URLS=https://$IP:2379,https://127.0.0.1:2379
ETCD_ADVERTISE_CLIENT_URLS=https://$IP:2379
ETCD_INITIAL_CLUSTER=m1=https://${IP}:2380
ETCD_INITIAL_CLUSTER_STATE=new
ETCD_INITIAL_CLUSTER_TOKEN=berth-etcd
ETCD_CLIENT_CERT_AUTH=true
ETCD_TRUSTED_CA_FILE=/etc/etcd/pki/ca.crt
ETCD_CERT_FILE=/etc/etcd/pki/server.crt
ETCD_KEY_FILE=/etc/etcd/pki/server.key
ETCD_PEER_CLIENT_CERT_AUTH=true
ETCD_PEER_TRUSTED_CA_FILE=/etc/etcd/pki/ca.crt
ETCD_PEER_CERT_FILE=/etc/etcd/pki/server.crt
ETCD_PEER_KEY_FILE=/etc/etcd/pki/server.key
EOF
      systemctl enable etcd
      systemctl restart etcd`);
    const health = machine.execInside([
      'sh',
      '-c',
      `ETCDCTL_API=3 etcdctl --endpoints=https://${IP}:2379 --cacert=/etc/berth/etcd/ca.crt --cert=/etc/berth/etcd/berth-manager.crt --key=/etc/berth/etcd/berth-manager.key endpoint health`,
    ]);
    expect([health.status, health.stdout + health.stderr]).toEqual([
      0,
      expect.stringContaining('is healthy'),
    ]);
    // and nothing without the client certificate
    const anonymous = machine.execInside([
      'sh',
      '-c',
      `ETCDCTL_API=3 etcdctl --endpoints=https://${IP}:2379 --cacert=/etc/berth/etcd/ca.crt --command-timeout=3s endpoint health`,
    ]);
    expect(anonymous.status).not.toBe(0);
  });

  it('should run Redis with TLS and a password, as step 5 sets it up', () => {
    sh(`mkdir -p /etc/redis/pki
      cp /etc/etcd/pki/ca.crt /etc/etcd/pki/server.crt /etc/etcd/pki/server.key /etc/redis/pki/
      chown -R redis:redis /etc/redis/pki && chmod 600 /etc/redis/pki/server.key
      openssl rand -hex 24 >/root/redis-password
      cat >>/etc/redis/redis.conf <<EOF
# Berth: TLS only, on ${IP}:6380, with a password
bind ${IP} 127.0.0.1
port 0
tls-port 6380
tls-cert-file /etc/redis/pki/server.crt
tls-key-file /etc/redis/pki/server.key
tls-ca-cert-file /etc/redis/pki/ca.crt
tls-auth-clients no
requirepass $(cat /root/redis-password)
EOF
      systemctl enable redis-server && systemctl restart redis-server`);
    const ping = sh(
      `REDISCLI_AUTH=$(cat /root/redis-password) redis-cli --tls --cacert /etc/redis/pki/ca.crt -h ${IP} -p 6380 ping`,
    );
    expect(ping.trim()).toBe('PONG');
  });

  it('should run berth-manager beside berthd, make the cluster and deploy a stack (steps 6 to 8)', async () => {
    sh(`IP=${IP} REDIS_PASSWORD=$(cat /root/redis-password)
      cat >/etc/berth/berth-manager.conf <<EOF
BERTH_MANAGER_OPTS="--etcd https://${IP}:2379 --etcd-cacert /etc/berth/etcd/ca.crt --etcd-cert /etc/berth/etcd/berth-manager.crt --etcd-key /etc/berth/etcd/berth-manager.key --redis rediss://:$REDIS_PASSWORD@${IP}:6380 --listen $IP:7380 --advertise-addr $IP:7380 --state-dir /var/lib/berth-manager"
NODE_EXTRA_CA_CERTS=/etc/berth/etcd/ca.crt
EOF
      chmod 600 /etc/berth/berth-manager.conf
      # this machine shares the host's cgroups: a cgroup parent of its own
      sed -i 's|^BERTHD_OPTS="\\(.*\\)"$|BERTHD_OPTS="\\1 --cgroup-parent ${cgroupParent()}"|' /etc/berth/berthd.conf
      systemctl start berthd berth-manager`);
    const journal = () =>
      machine.execInside(['journalctl', '-u', 'berthd', '-u', 'berth-manager', '-n', '40']).stdout;
    await until(
      'berthd and berth-manager to serve their sockets',
      () =>
        machine.execInside(['sh', '-c', 'test -S /run/berth/berth.sock && test -S /run/berth/manager.sock'])
          .status,
      (status) => status === 0,
      60_000,
      250,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${journal()}`);
    });
    const init = berth(['cluster', 'init', '--context-name', 'prod']);
    expect(init).toContain(`manager at ${IP}:7380`);
    expect(berth(['cluster', 'join-token', '-q', 'manager']).trim()).toMatch(/^\S{20,}$/);
    const nodes = berth(['node', 'ls']);
    expect(nodes).toMatch(/Leader/);
    // the manager keeps its state in etcd, reached over TLS with its client certificate
    const keys = sh(
      `ETCDCTL_API=3 etcdctl --endpoints=https://${IP}:2379 --cacert=/etc/berth/etcd/ca.crt --cert=/etc/berth/etcd/berth-manager.crt --key=/etc/berth/etcd/berth-manager.key get --prefix --keys-only /berth/v1/ | grep -c .`,
    );
    expect(Number(keys.trim())).toBeGreaterThan(0);

    berth(['import', '-c', 'CMD ["sh"]', '/mnt/berth-test/busybox.tar', 'busybox:latest']);
    sh(`cat >/root/web.yml <<'EOF'
services:
  web:
    image: busybox:latest
    command: ["sleep", "100000"]
    deploy:
      replicas: 2
EOF`);
    berth(['stack', 'deploy', '-c', '/root/web.yml', 'web']);
    await until(
      'the stack to run its two replicas',
      () => berth(['stack', 'services', 'web', '--format', '{{.Name}} {{.Replicas}}']).trim(),
      (line) => line === 'web_web 2/2',
      90_000,
      500,
    );
    // a rollout is a BullMQ job in Redis (rediss://, its certificate checked against
    // NODE_EXTRA_CA_CERTS): the update queues one and follows it to its end
    berth(['service', 'update', '--env-add', 'STEP=2', 'web_web']);
    expect(
      berth(['service', 'inspect', '-f', '{{json .Spec.TaskTemplate.ContainerSpec.Env}}', 'web_web']),
    ).toContain('STEP=2');
    expect(berth(['stack', 'services', 'web', '--format', '{{.Name}} {{.Replicas}}']).trim()).toBe(
      'web_web 2/2',
    );
    expect(machine.execInside(['systemctl', 'is-active', 'berth-manager']).stdout.trim()).toBe('active');
  });
});
