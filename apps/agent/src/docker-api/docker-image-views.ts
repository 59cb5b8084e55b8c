/**
 * Images in the Docker Engine API's shapes (moby's API description): the rows of
 * `GET /images/json` and their filters, the inspect document, history items, and what removing
 * and pruning answer. Pure: the controller reads the store and hands the records in.
 */
import {
  familiarName,
  parseReference,
  type Digest,
  type HistoryRow,
  type ImageConfig,
  type ImageRecord,
  type RemoveResult,
} from '@berth/image';
import { compareApiVersions } from './api-version';
import { FilterError } from './docker-views';

/** An image as the store holds it: its record, its tags (normalised references), its config. */
export interface ImageEntry {
  image: ImageRecord;
  tags: string[];
  config: ImageConfig;
}

const familiar = (reference: string) => familiarName(parseReference(reference));
const seconds = (iso: string | undefined) => (iso ? Math.floor(Date.parse(iso) / 1000) : 0);

/** An image as a row of `GET /images/json` (Docker's ImageSummary); VirtualSize below API 1.44, as dockerd. */
export function imageSummary(entry: ImageEntry, apiVersion: string) {
  const { image, config } = entry;
  return {
    Id: image.configDigest,
    ParentId: '',
    RepoTags: entry.tags.map(familiar),
    RepoDigests: image.repoDigests.map(familiar),
    Created: seconds(image.created ?? config.created),
    Size: image.size,
    ...(compareApiVersions(apiVersion, '1.44') < 0 ? { VirtualSize: image.size } : {}),
    SharedSize: -1,
    Labels: config.config?.Labels ?? {},
    Containers: -1,
  };
}

/** The images FILTERS (`key=value`, from filterList) keep, newest first, as dockerd lists them. */
export function listImages(
  entries: readonly ImageEntry[],
  filters: readonly string[],
  createdOf: (name: string) => number,
  apiVersion: string,
) {
  const keep = imageFilter(filters, createdOf);
  return entries
    .map((e) => keep(e))
    .filter((e): e is ImageEntry => e !== null)
    .sort((a, b) => createdMs(b) - createdMs(a))
    .map((e) => imageSummary(e, apiVersion));
}

const createdMs = (e: ImageEntry) => Date.parse(e.image.created ?? e.config.created ?? '') || 0;

type Keep = (entry: ImageEntry) => ImageEntry | null;

/**
 * Docker's image list filters: dangling, label, before and since by creation, and reference,
 * which keeps only the tags it matches. CREATED_OF gives an image's creation time (ms).
 */
export function imageFilter(filters: readonly string[], createdOf: (name: string) => number): Keep {
  const steps: Keep[] = [];
  const references: string[] = [];
  for (const filter of filters) {
    const eq = filter.indexOf('=');
    const key = filter.slice(0, eq);
    const value = filter.slice(eq + 1);
    if (key === 'reference') references.push(value);
    else if (key === 'dangling') steps.push(danglingFilter(value));
    else if (key === 'label') steps.push((e) => (hasLabel(e.config, value) ? e : null));
    else if (key === 'before' || key === 'since') {
      const at = createdOf(value);
      steps.push((e) => ((key === 'before' ? createdMs(e) < at : createdMs(e) > at) ? e : null));
    } else throw new FilterError(`invalid filter '${key}'`);
  }
  if (references.length) steps.push(referenceFilter(references));
  return (entry) => steps.reduce<ImageEntry | null>((e, step) => (e ? step(e) : null), entry);
}

function danglingFilter(value: string): Keep {
  if (!['true', '1', 'false', '0'].includes(value))
    throw new FilterError(`invalid filter 'dangling=${value}': it must be true or false`);
  const dangling = value === 'true' || value === '1';
  return (e) => ((e.tags.length === 0) === dangling ? e : null);
}

function hasLabel(config: ImageConfig, wanted: string): boolean {
  const labels = config.config?.Labels ?? {};
  const eq = wanted.indexOf('=');
  return eq < 0 ? wanted in labels : labels[wanted.slice(0, eq)] === wanted.slice(eq + 1);
}

/**
 * Keeps the tags and repository digests a pattern matches, by `name:tag` or by repository (an
 * image with none left is dropped), as moby's FamiliarMatch.
 */
function referenceFilter(patterns: readonly string[]): Keep {
  const matchers = patterns.map(globMatcher);
  const matches = (name: string) => {
    const repo = name.replace(/@.*$/, '').replace(/:[^:/]*$/, '');
    return matchers.some((m) => m(name) || m(repo));
  };
  return (e) => {
    const tags = e.tags.filter((t) => matches(familiar(t)));
    const repoDigests = e.image.repoDigests.filter((d) => matches(familiar(d)));
    return tags.length || repoDigests.length ? { ...e, tags, image: { ...e.image, repoDigests } } : null;
  };
}

/** Go's path.Match: `*` and `?` stop at a slash, `[…]` is a class. */
export function globMatcher(pattern: string): (name: string) => boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) throw new FilterError(`invalid reference pattern '${pattern}'`);
      source += pattern.slice(i, close + 1);
      i = close;
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  const re = new RegExp(`^${source}$`);
  return (name) => re.test(name);
}

/** Facts about where an image lives on this machine, for its inspect document. */
export interface ImageLocation {
  /** the image's unpacked layer directories, topmost first */
  layerDirs: string[];
}

/**
 * `GET /images/{name}/json`: the store's inspect view (already in Docker's field names) with
 * what the docker client also reads — Comment, Parent, GraphDriver, Metadata.
 */
export function imageInspect(
  view: Record<string, unknown>,
  entry: ImageEntry,
  where: ImageLocation,
  apiVersion: string,
) {
  const comment = entry.config.history?.at(-1)?.comment ?? '';
  return {
    ...view,
    Parent: '',
    Comment: comment,
    DockerVersion: '',
    ...(compareApiVersions(apiVersion, '1.44') < 0 ? { VirtualSize: entry.image.size } : {}),
    GraphDriver: {
      Name: 'overlay2',
      Data: where.layerDirs.length ? { LowerDir: where.layerDirs.join(':') } : {},
    },
    Metadata: { LastTagTime: entry.image.addedAt },
  };
}

/** `GET /images/{name}/history`: the rows, newest first, the image's tags on its own row. */
export function historyItems(rows: readonly HistoryRow[], tags: readonly string[]) {
  return rows.map((r, i) => ({
    Id: r.id,
    Created: seconds(r.created),
    CreatedBy: r.createdBy,
    Tags: i === 0 ? tags.map(familiar) : null,
    Size: r.size,
    Comment: r.comment,
  }));
}

export type DeleteItem = { Untagged: string } | { Deleted: string };

/** What `DELETE /images/{name}` answers: the names untagged, then the images deleted. */
export function deleteItems(result: RemoveResult): DeleteItem[] {
  return [
    ...result.untagged.map((Untagged) => ({ Untagged })),
    ...result.deleted.map((Deleted) => ({ Deleted })),
  ];
}

/** `POST /images/prune`: each image deleted after its tags (TAGS_OF: normalised references). */
export function pruneReport(deleted: readonly Digest[], tagsOf: (id: Digest) => string[], reclaimed: number) {
  const items = deleted.flatMap((id): DeleteItem[] => [
    ...tagsOf(id).map((t) => ({ Untagged: familiar(t) })),
    { Deleted: id },
  ]);
  return { ImagesDeleted: items.length ? items : null, SpaceReclaimed: reclaimed };
}
