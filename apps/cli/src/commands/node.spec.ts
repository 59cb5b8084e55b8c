import { dockerNode } from '@berth/cluster';
import { makeNode } from '@berth/cluster/testing';
import { DEFAULT_HOST, type Globals } from '../context';
import { manager } from '../manager';
import { inspect } from './node';

jest.mock('../manager', () => ({ manager: jest.fn() }));

const globals: Globals = { host: DEFAULT_HOST, configDir: undefined };

const leader = {
  ...makeNode({ id: 'm1', hostname: 'manager-1', role: 'manager' }),
  managerStatus: { leader: true, reachability: 'reachable' as const, addr: '10.0.0.1:7380' },
};
const worker = makeNode({ id: 'w1', hostname: 'worker-1' });

/** A manager that answers GetNode for the nodes it knows. */
function managerKnowing(...nodes: ReturnType<typeof makeNode>[]): void {
  const call = jest.fn((_method: string, { ref }: { ref: string }) => {
    const node = nodes.find((n) => n.id === ref);
    return node
      ? Promise.resolve({ json: JSON.stringify(node) })
      : Promise.reject(new Error(`no such node: ${ref}`));
  });
  jest.mocked(manager).mockReturnValue({ call } as unknown as ReturnType<typeof manager>);
}

describe('node', () => {
  let stdout: jest.SpyInstance;

  beforeEach(() => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  afterEach(() => jest.restoreAllMocks());

  const written = () => stdout.mock.calls.map(([text]) => String(text)).join('');

  describe('inspect', () => {
    it("should print the nodes in Docker's shape, a JSON array as docker prints it", async () => {
      managerKnowing(leader, worker);

      await expect(inspect(['m1', 'w1'], globals)).resolves.toBe(0);

      expect(written()).toBe(`${JSON.stringify([dockerNode(leader), dockerNode(worker)], null, 4)}\n`);
    });

    it("should answer the --format templates written for docker's nodes", async () => {
      managerKnowing(leader, worker);
      const format = '{{.Description.Hostname}} {{.Status.Addr}} {{.Spec.Role}} {{.ManagerStatus.Leader}}';

      await expect(inspect(['m1', 'w1', '--format', format], globals)).resolves.toBe(0);

      expect(written()).toBe('manager-1 10.0.0.1 manager true\nworker-1 10.0.0.1 worker <no value>\n');
    });
  });
});
