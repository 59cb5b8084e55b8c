import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  FILE_OBJECT_WORD,
  newObjectId,
  type FileContent,
  type FileObject,
  type FileObjectKind,
  type FileObjectSpec,
  type ServiceSpec,
  type Task,
} from '@berth/cluster';
import { sealWithKey, unsealWithKey } from '@berth/trust';
import { ClusterService } from '../cluster/cluster.service';
import { conflict, invalid } from '../errors';
import { resolveRef } from '../state/refs';
import { StateService } from '../state/state.service';
import { fileObjectProblem, filesNeeded, referenceProblems, usersOf } from './file-objects';

/**
 * Secrets and configs (`berth secret …`, `berth config …`, a stack's files). A secret's content
 * is sealed with the cluster's data key before it reaches etcd and opened only to be handed to
 * the machines whose tasks use it (DESIGN.md decision 7).
 */
@Injectable()
export class FilesService {
  private readonly log = new Logger('files');
  private keyWaiters: (() => void)[] = [];

  constructor(
    private readonly state: StateService,
    private readonly cluster: ClusterService,
  ) {}

  list(kind: FileObjectKind): FileObject[] {
    return [...this.state.cache.list(kind)].sort((a, b) => a.spec.name.localeCompare(b.spec.name));
  }

  get(kind: FileObjectKind, ref: string): FileObject {
    return resolveRef(this.list(kind), ref, (o) => o.spec.name, FILE_OBJECT_WORD[kind]);
  }

  /** As the API shows it: a secret's content never leaves the manager this way. */
  view(kind: FileObjectKind, object: FileObject): FileObject | Omit<FileObject, 'data'> {
    if (kind === 'configs') return object;
    return { id: object.id, meta: object.meta, spec: object.spec, digest: object.digest };
  }

  /** A new secret or config (not written): checked, and a secret's content sealed. */
  async build(kind: FileObjectKind, spec: FileObjectSpec, content: Buffer): Promise<FileObject> {
    const problem = fileObjectProblem(kind, spec.name, content.length);
    if (problem) throw invalid(problem);
    return {
      id: newObjectId(),
      meta: { version: 0, createdAt: 0, updatedAt: 0 },
      spec: { name: spec.name, labels: spec.labels ?? {} },
      data:
        kind === 'secrets' ? sealWithKey(content, await this.cluster.dataKey()) : content.toString('base64'),
      digest: digestOf(content),
    };
  }

  async create(kind: FileObjectKind, spec: FileObjectSpec, content: Buffer): Promise<FileObject> {
    if (this.list(kind).some((o) => o.spec.name === spec.name))
      throw conflict(
        `${FILE_OBJECT_WORD[kind]} ${spec.name} already exists: its content cannot change; create one under a new name`,
      );
    const object = await this.build(kind, spec, content);
    const result = await this.state.commit([{ op: 'create', kind, object }], { atomic: true });
    return result.written[0] as FileObject;
  }

  async remove(kind: FileObjectKind, ref: string): Promise<void> {
    const object = this.get(kind, ref);
    const users = usersOf(
      this.state.cache.list('services').map((s) => s.spec),
      kind,
      object.spec.name,
    );
    if (users.length)
      throw conflict(
        `${FILE_OBJECT_WORD[kind]} ${object.spec.name} is in use by service${users.length > 1 ? 's' : ''} ${users.join(', ')}`,
      );
    const result = await this.state.commit([{ op: 'delete', kind, object }]);
    if (result.conflicts.length)
      throw conflict(`${FILE_OBJECT_WORD[kind]} ${object.spec.name} changed meanwhile; try again`);
  }

  /** Refuses SPEC when it uses a secret or config that neither exists nor is in PENDING (made in the same write). */
  assertReferences(spec: ServiceSpec, pending: readonly { kind: FileObjectKind; name: string }[] = []): void {
    const problems = referenceProblems(
      spec,
      (kind, name) =>
        pending.some((p) => p.kind === kind && p.name === name) ||
        this.state.cache.list(kind).some((o) => o.spec.name === name),
    );
    if (problems.length) throw invalid(problems.join('; '));
  }

  /**
   * The content of every secret and config TASKS need, for their machine; null when a secret
   * needs the data key and this manager has not unsealed it yet (it starts to, and ON_READY is
   * called once it has).
   */
  contentsFor(tasks: readonly Task[], onReady: () => void): FileContent[] | null {
    const needed = filesNeeded(tasks);
    const key = this.cluster.loadedDataKey();
    if (!key && needed.some((n) => n.kind === 'secrets')) {
      this.whenKeyLoaded(onReady);
      return null;
    }
    const contents: FileContent[] = [];
    for (const { kind, name } of needed) {
      const object = this.state.cache.list(kind).find((o) => o.spec.name === name);
      if (!object) continue; // removed meanwhile: the machine says which is missing
      try {
        const data = kind === 'secrets' ? unsealWithKey(object.data, key!).toString('base64') : object.data;
        contents.push({ kind, name, data });
      } catch (error) {
        this.log.error(`cannot open ${FILE_OBJECT_WORD[kind]} ${name}: ${(error as Error).message}`);
      }
    }
    return contents;
  }

  private whenKeyLoaded(onReady: () => void): void {
    this.keyWaiters.push(onReady);
    if (this.keyWaiters.length > 1) return;
    this.cluster.dataKey().then(
      () => {
        const waiters = this.keyWaiters;
        this.keyWaiters = [];
        for (const w of waiters) w();
      },
      (error: Error) => {
        this.keyWaiters = [];
        this.log.error(`cannot unseal the data key, so no secret reaches a machine: ${error.message}`);
      },
    );
  }
}

export function digestOf(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
