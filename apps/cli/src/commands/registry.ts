/**
 * Every berth command by the words that name it: `COMMANDS` (`berth ps`) and `GROUPS`, Docker's
 * management commands (`berth container ls`). Each is loaded on demand, so a command pays only
 * for the modules it uses.
 */
import type { Command } from '../context';

export type Loader = () => Promise<Command>;

const from =
  <K extends string, M extends Record<K, Command>>(load: () => Promise<M>, name: K): Loader =>
  () =>
    load().then((m) => m[name]);

const containers = () => import('./containers');
const containerInspect = () => import('./container-inspect');
const containerFiles = () => import('./container-files');
const run = () => import('./run');
const images = () => import('./images');
const archive = () => import('./archive');
const volumes = () => import('./volumes');
const networks = () => import('./networks');
const system = () => import('./system');
const cluster = () => import('./cluster');
const node = () => import('./node');
const service = () => import('./service');
const contexts = () => import('./context');
const stack = () => import('./stack');
const files = () => import('./files');

export const COMMANDS: Record<string, Loader> = {
  run: from(run, 'run'),
  create: from(run, 'create'),
  start: from(run, 'start'),
  exec: from(() => import('./exec'), 'exec'),
  ps: from(containers, 'ps'),
  stop: from(containers, 'stop'),
  restart: from(containers, 'restart'),
  kill: from(containers, 'kill'),
  pause: from(containers, 'pause'),
  unpause: from(containers, 'unpause'),
  rm: from(containers, 'rm'),
  rename: from(containers, 'rename'),
  wait: from(containers, 'wait'),
  logs: from(() => import('./container-logs'), 'logs'),
  inspect: from(containerInspect, 'inspect'),
  top: from(containerInspect, 'top'),
  diff: from(containerInspect, 'diff'),
  commit: from(containerFiles, 'commit'),
  export: from(containerFiles, 'exportContainer'),
  cp: from(containerFiles, 'cp'),
  port: from(containerInspect, 'port'),
  stats: from(containerInspect, 'stats'),
  pull: from(() => import('./pull'), 'pull'),
  push: from(() => import('./push'), 'push'),
  build: from(() => import('./build'), 'build'),
  images: from(images, 'images'),
  rmi: from(images, 'rmi'),
  tag: from(images, 'tag'),
  history: from(images, 'history'),
  save: from(archive, 'save'),
  load: from(archive, 'load'),
  import: from(archive, 'importImage'),
  login: from(() => import('./login'), 'login'),
  logout: from(() => import('./login'), 'logout'),
  version: from(system, 'version'),
  info: from(system, 'info'),
  events: from(system, 'events'),
};

/** Docker's management commands: `berth container ls`, `berth image rm`, … */
export const GROUPS: Record<string, Record<string, Loader>> = {
  container: {
    ls: COMMANDS.ps,
    list: COMMANDS.ps,
    ps: COMMANDS.ps,
    inspect: from(containerInspect, 'containerInspect'),
    prune: from(system, 'prune'),
    ...pick(COMMANDS, [
      'run',
      'create',
      'start',
      'stop',
      'restart',
      'kill',
      'pause',
      'unpause',
      'rm',
      'rename',
      'wait',
      'logs',
      'top',
      'diff',
      'commit',
      'export',
      'cp',
      'port',
      'stats',
      'exec',
    ]),
  },
  image: {
    ls: COMMANDS.images,
    list: COMMANDS.images,
    rm: COMMANDS.rmi,
    inspect: from(images, 'inspect'),
    prune: from(images, 'prune'),
    ...pick(COMMANDS, ['pull', 'push', 'build', 'tag', 'history', 'save', 'load', 'import']),
  },
  volume: {
    create: from(volumes, 'create'),
    ls: from(volumes, 'ls'),
    list: from(volumes, 'ls'),
    inspect: from(volumes, 'inspect'),
    rm: from(volumes, 'rm'),
    prune: from(volumes, 'prune'),
  },
  network: {
    create: from(networks, 'create'),
    ls: from(networks, 'ls'),
    list: from(networks, 'ls'),
    inspect: from(networks, 'inspect'),
    rm: from(networks, 'rm'),
    connect: from(networks, 'connect'),
    disconnect: from(networks, 'disconnect'),
    prune: from(networks, 'prune'),
  },
  system: {
    info: COMMANDS.info,
    events: COMMANDS.events,
    df: from(system, 'df'),
    prune: from(system, 'prune'),
  },
  builder: { prune: from(images, 'builderPrune') },
  cluster: {
    init: from(cluster, 'init'),
    join: from(cluster, 'join'),
    'join-token': from(cluster, 'joinToken'),
    leave: from(cluster, 'leave'),
    inspect: from(cluster, 'inspect'),
  },
  node: {
    ls: from(node, 'ls'),
    list: from(node, 'ls'),
    inspect: from(node, 'inspect'),
    update: from(node, 'update'),
    rm: from(node, 'rm'),
    ps: from(node, 'ps'),
    promote: from(node, 'promote'),
    demote: from(node, 'demote'),
  },
  service: {
    create: from(service, 'create'),
    ls: from(service, 'ls'),
    list: from(service, 'ls'),
    ps: from(service, 'ps'),
    inspect: from(service, 'inspect'),
    scale: from(service, 'scale'),
    update: from(service, 'update'),
    rollback: from(service, 'rollback'),
    rm: from(service, 'rm'),
    logs: from(service, 'logs'),
    exec: from(() => import('./service-exec'), 'exec'),
  },
  stack: {
    deploy: from(stack, 'deploy'),
    up: from(stack, 'deploy'),
    config: from(stack, 'config'),
    ls: from(stack, 'ls'),
    list: from(stack, 'ls'),
    services: from(stack, 'services'),
    ps: from(stack, 'ps'),
    rm: from(stack, 'rm'),
    remove: from(stack, 'rm'),
    down: from(stack, 'rm'),
  },
  secret: fileVerbs('secret'),
  config: fileVerbs('config'),
  context: {
    ls: from(contexts, 'ls'),
    list: from(contexts, 'ls'),
    use: from(contexts, 'use'),
    rm: from(contexts, 'rm'),
    show: from(contexts, 'show'),
  },
};

/** `berth secret …` and `berth config …`: the same verbs over either kind. */
function fileVerbs(kind: 'secret' | 'config'): Record<string, Loader> {
  const verb =
    (name: 'create' | 'ls' | 'inspect' | 'rm'): Loader =>
    () =>
      files().then((m) => m[kind][name]);
  return {
    create: verb('create'),
    ls: verb('ls'),
    list: verb('ls'),
    inspect: verb('inspect'),
    rm: verb('rm'),
    remove: verb('rm'),
  };
}

function pick(all: Record<string, Loader>, names: string[]): Record<string, Loader> {
  return Object.fromEntries(names.map((n) => [n, all[n]]));
}
