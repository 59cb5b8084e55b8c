import { makeNode } from '@berth/cluster/testing';
import { DEFAULT_HOST, type Globals } from '../context';
import { manager } from '../manager';
import { config, secret } from './files';

jest.mock('../manager', () => ({ manager: jest.fn() }));

const globals: Globals = { host: DEFAULT_HOST, configDir: undefined };
const meta = makeNode().meta;

function managerAnswering(object: unknown): void {
  const call = jest.fn(() => Promise.resolve({ json: JSON.stringify(object) }));
  jest.mocked(manager).mockReturnValue({ call } as unknown as ReturnType<typeof manager>);
}

describe('secret and config', () => {
  let stdout: jest.SpyInstance;

  beforeEach(() => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  afterEach(() => jest.restoreAllMocks());

  const written = () => stdout.mock.calls.map(([text]) => String(text)).join('');

  it("should print a secret in Docker's shape, never with data", async () => {
    managerAnswering({
      id: 's1',
      meta,
      spec: { name: 'db', labels: { a: 'b' } },
      digest: 'ab',
      data: 'c2VjcmV0',
    });

    await expect(secret.inspect(['db'], globals)).resolves.toBe(0);

    expect(JSON.parse(written())).toEqual([
      {
        ID: 's1',
        Version: { Index: 1 },
        CreatedAt: '1970-01-01T00:00:00Z',
        UpdatedAt: '1970-01-01T00:00:00Z',
        Spec: { Name: 'db', Labels: { a: 'b' } },
      },
    ]);
  });

  it("should print a config with its data, and answer docker's --format templates", async () => {
    managerAnswering({ id: 'c1', meta, spec: { name: 'app', labels: {} }, digest: 'ab', data: 'aGk=' });

    await expect(
      config.inspect(['app', '--format', '{{.ID}} {{.Spec.Name}} {{.Spec.Data}}'], globals),
    ).resolves.toBe(0);

    expect(written()).toBe('c1 app aGk=\n');
  });

  it('should keep --pretty as it was', async () => {
    managerAnswering({
      id: 'c1',
      meta,
      spec: { name: 'app', labels: { a: 'b' } },
      digest: 'ab',
      data: 'aGk=',
    });

    await expect(config.inspect(['app', '--pretty'], globals)).resolves.toBe(0);

    expect(written()).toBe(
      'ID:              c1\nName:            app\nLabels:          \n - a=b\nCreated at:      1970-01-01T00:00:00.000Z\nData:\nhi\n',
    );
  });
});
