import { UsageError } from '@berth/cli-support/args';
import { dockerService, parseFileReference } from '@berth/cluster';
import { makeService, makeTask } from '@berth/cluster/testing';
import { DEFAULT_HOST, ExitError, type Globals } from '../context';
import { manager } from '../manager';
import { inspect, ls } from './service';

jest.mock('../manager', () => ({ manager: jest.fn() }));

const globals: Globals = { host: DEFAULT_HOST, configDir: undefined };

/** A manager that answers each call with ANSWERS[method]. */
type Answer = { json: string | string[]; statuses?: { runningTasks: number; desiredTasks: number }[] };

/** The manager answering METHOD with ANSWERS[METHOD]; any other call fails the test. */
function managerAnswering(answers: Record<string, Answer>): void {
  const call = jest.fn((method: string) =>
    method in answers ? Promise.resolve(answers[method]) : Promise.reject(new Error(`unexpected ${method}`)),
  );
  jest.mocked(manager).mockReturnValue({ call } as unknown as ReturnType<typeof manager>);
}

describe('service', () => {
  let stdout: jest.SpyInstance;

  beforeEach(() => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  afterEach(() => jest.restoreAllMocks());

  const written = () => stdout.mock.calls.map(([text]) => String(text)).join('');

  describe('inspect', () => {
    it('should refuse --pretty with --format, as docker does', async () => {
      const asked = inspect(['web', '--pretty', '--format', '{{.ID}}'], globals);
      await expect(asked).rejects.toThrow(UsageError);
      await expect(asked).rejects.toThrow('--format is incompatible with human friendly format');
    });

    it("should print the service in Docker's shape, its secrets' ids looked up", async () => {
      const service = makeService({ id: 'svc1', name: 'web' });
      service.spec.task.container.secrets = [parseFileReference('secret', 'db')];
      const secret = { id: 'sec1', meta: service.meta, spec: { name: 'db', labels: {} }, digest: 'ab' };
      managerAnswering({
        GetService: { json: JSON.stringify(service) },
        ListFileObjects: { json: [JSON.stringify(secret)] },
      });

      await expect(inspect(['web'], globals)).resolves.toBe(0);

      const files = { secrets: [secret], configs: [] };
      expect(written()).toBe(`${JSON.stringify([dockerService(service, { files })], null, 4)}\n`);
      expect(JSON.parse(written())[0].Spec.TaskTemplate.ContainerSpec.Secrets[0].SecretID).toBe('sec1');
    });

    it("should answer the --format templates written for docker's services", async () => {
      const service = makeService({ id: 'svc1', name: 'web', replicas: 3, image: 'nginx:1' });
      managerAnswering({ GetService: { json: JSON.stringify(service) } });
      const format =
        '{{.ID}} {{.Spec.Name}} {{.Spec.TaskTemplate.ContainerSpec.Image}} {{.Spec.Mode.Replicated.Replicas}} {{.Version.Index}}';

      await expect(inspect(['web', '--format', format], globals)).resolves.toBe(0);

      expect(written()).toBe('svc1 web nginx:1 3 1\n');
    });

    it('should end with the field that is wrong when the answer is malformed', async () => {
      const service = makeService({ id: 'svc1', name: 'web' });
      managerAnswering({ GetService: { json: JSON.stringify({ ...service, specVersion: 'two' }) } });

      const asked = inspect(['web'], globals);

      await expect(asked).rejects.toThrow(ExitError);
      await expect(asked).rejects.toThrow(
        "the manager's answer is malformed: service.specVersion: expected a number",
      );
      expect(written()).toBe('');
    });
  });

  describe('ls', () => {
    it("should show the manager's counts of each service's tasks, without asking for the tasks", async () => {
      managerAnswering({
        ListServices: {
          json: [JSON.stringify(makeService({ id: 'svc1', name: 'web', replicas: 3 }))],
          statuses: [{ runningTasks: 2, desiredTasks: 3 }],
        },
      });

      await expect(ls(['--format', '{{.Name}} {{.Replicas}}'], globals)).resolves.toBe(0);

      expect(written()).toBe('web 2/3\n');
    });

    it('should count the tasks itself when the manager does not (an older one), refusing a malformed one', async () => {
      const task = makeTask({ id: 't1', state: 'running' });
      managerAnswering({
        ListServices: { json: [JSON.stringify(makeService())], statuses: [] },
        ListTasks: { json: [JSON.stringify({ ...task, status: { ...task.status, state: 'exploded' } })] },
      });

      await expect(ls([], globals)).rejects.toThrow(
        /^the manager's answer is malformed: task\.status\.state: "exploded"/,
      );
    });

    it('should list valid answers', async () => {
      managerAnswering({
        ListServices: { json: [JSON.stringify(makeService({ id: 'svc1', name: 'web' }))], statuses: [] },
        ListTasks: { json: [] },
      });

      await expect(ls(['-q'], globals)).resolves.toBe(0);

      expect(written()).toBe('svc1\n');
    });
  });
});
