import { defaultServiceSpec } from '../defaults';
import type { ServiceSpec, TaskStatus } from '../objects';
import {
  AGENT_STATUS_FIELDS,
  DecodeError,
  decodeAssignments,
  decodeClusterView,
  decodeFileObjectSpec,
  decodeFileObjectView,
  decodeHello,
  decodeJson,
  decodeNetwork,
  decodeNetworkSpec,
  decodeNetworkView,
  decodeNetworkViews,
  decodeNode,
  decodeNodeDescription,
  decodeNodeSpec,
  decodeReportedStatus,
  decodeService,
  decodeServiceSpec,
  decodeSessionInfo,
  decodeStackSummary,
  decodeStatusReport,
  decodeTask,
  decodeTaskStatus,
  type EntryDecoder,
} from './index';
import {
  fullClusterView,
  fullFileObjectView,
  fullNetwork,
  fullNetworkView,
  fullNode,
  fullService,
  fullServiceSpec,
  fullStackSummary,
  fullTask,
  fullTaskStatus,
} from './fixtures';
import { brokenTexts, mutations } from './fuzz';

/** STATUS's fields that an agent sets, and only those. */
function agentFields(status: TaskStatus): Partial<TaskStatus> {
  return Object.fromEntries(AGENT_STATUS_FIELDS.map((key) => [key, status[key]]));
}

/** Cases per decoder: enough to reach every field of the largest objects many times over. */
const CASES = 1500;

/** Decodes VALUE: a DecodeError or a value the decoder takes back unchanged; anything else fails. */
function outcome<T>(decode: EntryDecoder<T>, value: unknown): T | DecodeError {
  try {
    return decode(value);
  } catch (error) {
    if (error instanceof DecodeError) return error;
    throw new Error(`not a DecodeError: ${String(error)}`, { cause: error });
  }
}

/** ENVELOPE: the decoder parses JSON texts, so what it returns is not what it reads. */
function expectRefusedOrValid<T>(decode: EntryDecoder<T>, value: unknown, envelope = false): void {
  const result = outcome(decode, value);
  if (result instanceof DecodeError) {
    expect(result.message).toContain(result.path);
    return;
  }
  if (envelope) return;
  // a value that passed is one of its kind: taken back as it is, through JSON too
  expect(decode(result)).toEqual(result);
  expect(decode(JSON.parse(JSON.stringify(result)))).toEqual(result);
}

const kinds: [string, EntryDecoder<unknown>, () => unknown][] = [
  ['node', decodeNode, fullNode],
  ['node spec', decodeNodeSpec, () => fullNode().spec],
  ['node description', decodeNodeDescription, () => fullNode().description],
  ['service spec', decodeServiceSpec, fullServiceSpec],
  ['service', decodeService, fullService],
  ['task', decodeTask, fullTask],
  ['task status', decodeTaskStatus, fullTaskStatus],
  ['reported status', decodeReportedStatus, () => agentFields(fullTaskStatus())],
  ['network spec', decodeNetworkSpec, () => fullNetwork().spec],
  ['network', decodeNetwork, fullNetwork],
  ['network view', decodeNetworkView, fullNetworkView],
  ['secret or config spec', decodeFileObjectSpec, () => fullFileObjectView().spec],
  ['secret or config', decodeFileObjectView, fullFileObjectView],
  ['stack summary', decodeStackSummary, fullStackSummary],
  ['cluster view', decodeClusterView, fullClusterView],
];

describe('decoders', () => {
  afterEach(() => expect(({} as Record<string, unknown>).polluted).toBeUndefined());

  describe.each(kinds)('%s', (_, decode, valid) => {
    it('should take a valid value as it is', () => {
      expect(decode(valid())).toEqual(valid());
      expect(decode(JSON.parse(JSON.stringify(valid())))).toEqual(valid());
    });

    it('should refuse broken values with a DecodeError, or read them as valid values, never crash', () => {
      let refused = 0;
      for (const broken of mutations(valid(), CASES, 17)) {
        expectRefusedOrValid(decode, broken);
        if (outcome(decode, broken) instanceof DecodeError) refused++;
      }
      expect(refused).toBeGreaterThan(CASES / 2);
    });

    it('should refuse what is not an object of its kind', () => {
      for (const value of [undefined, null, 0, 'x', [], true, [valid()]])
        expect(() => decode(value)).toThrow(DecodeError);
    });
  });

  it('should leave keys it does not know behind, __proto__ among them', () => {
    const hostile = JSON.parse(
      `{"__proto__": {"polluted": true}, "extra": 1, ${JSON.stringify(fullNode()).slice(1)}`,
    );
    const node = decodeNode(hostile);
    expect(node).toEqual(fullNode());
    expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
    expect('extra' in node).toBe(false);
  });

  it('should refuse a label named __proto__', () => {
    const spec = JSON.parse('{"role": "worker", "availability": "active", "labels": {"__proto__": "x"}}');
    expect(() => decodeNodeSpec(spec)).toThrow(
      new DecodeError('value', 'spec.labels', 'the key __proto__ is not allowed'),
    );
  });

  it('should name the field of an unknown state', () => {
    const status = { ...fullTaskStatus(), state: 'exploded' };
    expect(() => decodeTaskStatus(status)).toThrow(/^status\.state: "exploded" is not one of new, pending/);
  });

  it('should say which field is missing', () => {
    const spec: Partial<ServiceSpec> = defaultServiceSpec('web', 'nginx');
    delete spec.name;
    const error = outcome(decodeServiceSpec, spec) as DecodeError;
    expect(error).toBeInstanceOf(DecodeError);
    expect([error.kind, error.path]).toEqual(['missing', 'spec.name']);
  });

  it('should refuse a message longer than 4 KiB, and a name longer than 256 characters', () => {
    expect(outcome(decodeTaskStatus, { ...fullTaskStatus(), err: 'x'.repeat(4097) })).toMatchObject({
      kind: 'size',
      path: 'status.err',
    });
    expect(outcome(decodeNodeSpec, { ...fullNode().spec, labels: { ['k'.repeat(257)]: 'v' } })).toMatchObject(
      {
        kind: 'size',
      },
    );
  });

  it('should refuse an unknown rejection filter', () => {
    const status = { ...fullTaskStatus(), rejections: [{ filter: 'luck', rejected: 1, examined: 1 }] };
    expect(outcome(decodeTaskStatus, status)).toMatchObject({
      kind: 'value',
      path: 'status.rejections[0].filter',
    });
  });

  it('should take a mode of either kind, not both nor neither', () => {
    const spec = fullServiceSpec();
    expect(decodeServiceSpec({ ...spec, mode: { global: {} } }).mode).toEqual({ global: {} });
    expect(() => decodeServiceSpec({ ...spec, mode: { global: {}, replicated: { replicas: 1 } } })).toThrow(
      'spec.mode: expected either replicated or global',
    );
    expect(() => decodeServiceSpec({ ...spec, mode: {} })).toThrow(DecodeError);
  });

  it('should default the labels of a secret or config spec that has none', () => {
    expect(decodeFileObjectSpec({ name: 'x' })).toEqual({ name: 'x', labels: {} });
  });
});

describe('session envelopes', () => {
  const assignments = () => ({
    full: true,
    tasksJson: [JSON.stringify(fullTask())],
    removedTaskIds: ['old'],
    files: [{ kind: 'configs', name: 'nginx_conf', data: Buffer.from('hello') }],
  });

  it('should read assignments, their tasks parsed', () => {
    expect(decodeAssignments(assignments())).toEqual({ ...assignments(), tasksJson: [fullTask()] });
  });

  it('should refuse assignments whose task is malformed, naming it', () => {
    const message = { ...assignments(), tasksJson: [JSON.stringify(fullTask()), '{"id": 1}'] };
    expect(outcome(decodeAssignments, message)).toMatchObject({
      path: 'assignments.tasksJson[1].id',
      kind: 'type',
    });
  });

  it('should refuse broken JSON texts in every envelope', () => {
    const envelopes: [EntryDecoder<unknown>, (text: string) => unknown, unknown][] = [
      [decodeAssignments, (text) => ({ ...assignments(), tasksJson: [text] }), fullTask()],
      [decodeNetworkViews, (text) => ({ viewsJson: [text] }), fullNetworkView()],
      [decodeHello, (text) => ({ descriptionJson: text }), fullNode().description],
      [decodeStatusReport, (text) => ({ taskId: 't', statusJson: text }), fullTaskStatus()],
    ];
    for (const [decode, wrap, valid] of envelopes) {
      for (const text of brokenTexts(valid, 300, 5)) expectRefusedOrValid(decode, wrap(text), true);
      for (const broken of mutations(valid, 300, 9))
        expectRefusedOrValid(decode, wrap(JSON.stringify(broken)), true);
    }
  });

  it('should refuse an unknown kind of file content, and an unknown role', () => {
    const files = [{ kind: 'keys', name: 'x', data: Buffer.from('') }];
    expect(outcome(decodeAssignments, { ...assignments(), files })).toMatchObject({
      path: 'assignments.files[0].kind',
    });
    const session = {
      nodeId: 'n1',
      heartbeatPeriodMs: 1000,
      managers: ['m:4243'],
      role: 'admin',
      unlockKey: '',
    };
    expect(outcome(decodeSessionInfo, session)).toMatchObject({ path: 'session.role' });
    expect(decodeSessionInfo({ ...session, role: 'worker' })).toEqual({ ...session, role: 'worker' });
  });

  it('should read the fields protobuf keeps on a message prototype', () => {
    const proto = { full: false, removedTaskIds: [], files: [] };
    const decoded = Object.assign(Object.create(proto) as object, { tasksJson: [] });
    expect(decodeAssignments(decoded)).toEqual({ full: false, tasksJson: [], removedTaskIds: [], files: [] });
  });

  it("should leave behind the fields of a report that are not the agent's", () => {
    const report = { taskId: 't1', statusJson: JSON.stringify(fullTaskStatus()) };
    const { statusJson } = decodeStatusReport(report);
    expect(statusJson).toEqual(agentFields(fullTaskStatus()));
    expect(Object.keys(statusJson)).not.toContain('rejections');
    expect(Object.keys(statusJson)).not.toContain('startedAt');
  });

  it('should fuzz the session info and a status report without crashing', () => {
    const session = {
      nodeId: 'n1',
      heartbeatPeriodMs: 1000,
      managers: ['m:4243'],
      role: 'worker',
      unlockKey: 'k',
    };
    for (const broken of mutations(session, 500, 3)) expectRefusedOrValid(decodeSessionInfo, broken);
    const report = { taskId: 't1', statusJson: JSON.stringify(fullTaskStatus()) };
    for (const broken of mutations(report, 500, 4)) expectRefusedOrValid(decodeStatusReport, broken, true);
  });
});

describe(decodeJson.name, () => {
  it('should parse, then decode with the path of the kind', () => {
    expect(decodeJson(JSON.stringify(fullNode().spec), decodeNodeSpec)).toEqual(fullNode().spec);
    expect(outcome((t) => decodeJson(t, decodeNodeSpec), '{"role": 1}')).toMatchObject({ path: 'spec.role' });
    expect(outcome((t) => decodeJson(t, decodeNodeSpec, 'nodes[2]'), '{')).toMatchObject({
      kind: 'json',
      path: 'nodes[2]',
    });
    expect(outcome((t) => decodeJson(t, decodeNodeSpec), 7)).toMatchObject({ kind: 'type', path: 'json' });
  });
});
