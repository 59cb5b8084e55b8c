import {
  compiledConstraints,
  ConstraintError,
  nodeAttribute,
  parseConstraint,
  parseConstraints,
  satisfies,
  satisfiesAll,
} from './constraint';
import { makeNode } from './testing';

describe('parseConstraint', () => {
  it.each([
    ['node.labels.zone==a', { key: 'node.labels.zone', operator: '==', value: 'a' }],
    ['node.role!=manager', { key: 'node.role', operator: '!=', value: 'manager' }],
    ['  node.hostname == web-1  ', { key: 'node.hostname', operator: '==', value: 'web-1' }],
    ['engine.labels.storage==ssd', { key: 'engine.labels.storage', operator: '==', value: 'ssd' }],
    ['node.platform.os==linux', { key: 'node.platform.os', operator: '==', value: 'linux' }],
    ['node.platform.arch!=arm64', { key: 'node.platform.arch', operator: '!=', value: 'arm64' }],
    ['node.id==abc', { key: 'node.id', operator: '==', value: 'abc' }],
    ['node.labels.note==two words', { key: 'node.labels.note', operator: '==', value: 'two words' }],
  ])('should read %p', (text, expected) => {
    expect(parseConstraint(text)).toEqual({ text: text.trim(), ...expected });
  });

  it.each([
    ['node.labels.zone=a', 'expected KEY==VALUE or KEY!=VALUE'],
    ['zone', 'expected KEY==VALUE or KEY!=VALUE'],
    ['==a', 'expected KEY==VALUE or KEY!=VALUE'],
    ['', 'expected KEY==VALUE or KEY!=VALUE'],
    ['node.zone==a', 'unknown key "node.zone"'],
    ['node.labels.==a', 'unknown key "node.labels."'],
    ['engine.labels.==a', 'unknown key "engine.labels."'],
    ['node.labels.zone==', 'the value is empty'],
    ['node.labels.zone==   ', 'the value is empty'],
  ])('should refuse %p (%s)', (text, reason) => {
    expect(() => parseConstraint(text)).toThrow(ConstraintError);
    expect(() => parseConstraint(text)).toThrow(`invalid constraint "${text}": ${reason}`);
  });

  it('should carry the constraint as the user wrote it in the error', () => {
    const error = catchError(() => parseConstraint('node.zone==a'));
    expect(error).toBeInstanceOf(ConstraintError);
    expect((error as ConstraintError).constraint).toBe('node.zone==a');
  });
});

describe('parseConstraints', () => {
  it('should read them all, in order', () => {
    expect(parseConstraints(['node.role==worker', 'node.labels.zone!=b']).map((c) => c.text)).toEqual([
      'node.role==worker',
      'node.labels.zone!=b',
    ]);
  });

  it('should read none as none', () => {
    expect(parseConstraints([])).toEqual([]);
  });

  it('should refuse the list when one does not parse', () => {
    expect(() => parseConstraints(['node.role==worker', 'bad'])).toThrow('invalid constraint "bad"');
  });
});

describe('nodeAttribute', () => {
  const node = makeNode({
    id: 'n1',
    hostname: 'host-1',
    role: 'manager',
    os: 'linux',
    architecture: 'aarch64',
    labels: { zone: 'a' },
    engineLabels: { storage: 'ssd' },
  });

  it.each([
    ['node.id', 'n1'],
    ['node.hostname', 'host-1'],
    ['node.role', 'manager'],
    ['node.platform.os', 'linux'],
    ['node.platform.arch', 'aarch64'],
    ['node.labels.zone', 'a'],
    ['engine.labels.storage', 'ssd'],
    ['node.labels.rack', undefined],
    ['engine.labels.zone', undefined],
    ['node.unknown', undefined],
  ])('should read %p as %p', (key, value) => {
    expect(nodeAttribute(node, key)).toBe(value);
  });
});

describe('satisfies', () => {
  const node = makeNode({ role: 'worker', labels: { zone: 'A' } });
  const check = (text: string) => satisfies(node, parseConstraint(text));

  it('should match equal values', () => {
    expect(check('node.role==worker')).toBe(true);
    expect(check('node.role==manager')).toBe(false);
  });

  it('should match different values with !=', () => {
    expect(check('node.role!=manager')).toBe(true);
    expect(check('node.role!=worker')).toBe(false);
  });

  it('should compare values without regard to case, like swarmkit', () => {
    expect(check('node.labels.zone==a')).toBe(true);
    expect(check('node.role==WORKER')).toBe(true);
    expect(check('node.labels.zone!=a')).toBe(false);
  });

  it('should treat a missing label as equal to nothing', () => {
    expect(check('node.labels.rack==r1')).toBe(false);
    expect(check('node.labels.rack!=r1')).toBe(true);
  });
});

describe('satisfiesAll', () => {
  const node = makeNode({ role: 'worker', labels: { zone: 'a' } });

  it('should need every constraint', () => {
    expect(satisfiesAll(node, parseConstraints(['node.role==worker', 'node.labels.zone==a']))).toBe(true);
    expect(satisfiesAll(node, parseConstraints(['node.role==worker', 'node.labels.zone==b']))).toBe(false);
  });

  it('should be satisfied by no constraints at all', () => {
    expect(satisfiesAll(node, [])).toBe(true);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('compiledConstraints', () => {
  it('should parse a placement’s constraints', () => {
    expect(compiledConstraints({ constraints: ['node.role==manager'] })).toEqual({
      ok: true,
      constraints: [{ text: 'node.role==manager', key: 'node.role', operator: '==', value: 'manager' }],
    });
  });

  it('should parse a spec’s list once, however many passes ask', () => {
    const placement = { constraints: ['node.labels.zone==a', 'node.role!=manager'] };
    const first = compiledConstraints(placement);
    // the same list read through another object (the task made from the service's spec) is the same spec
    expect(compiledConstraints({ constraints: placement.constraints })).toBe(first);
    expect(compiledConstraints(placement)).toBe(first);
  });

  it('should parse a new version of the spec anew', () => {
    const first = compiledConstraints({ constraints: ['node.labels.zone==a'] });
    const next = compiledConstraints({ constraints: ['node.labels.zone==b'] });
    expect(next).not.toBe(first);
    expect(next).toMatchObject({ ok: true, constraints: [{ value: 'b' }] });
  });

  it('should give the parse error, once, for constraints that do not parse', () => {
    const placement = { constraints: ['node.role==manager', 'zone=a'] };
    const compiled = compiledConstraints(placement);
    expect(compiled.ok).toBe(false);
    expect(!compiled.ok && compiled.error).toBeInstanceOf(ConstraintError);
    expect(!compiled.ok && compiled.error.message).toBe(
      'invalid constraint "zone=a": expected KEY==VALUE or KEY!=VALUE',
    );
    expect(compiledConstraints(placement)).toBe(compiled);
  });
});
