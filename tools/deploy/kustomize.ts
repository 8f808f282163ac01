/**
 * Renders a Kustomize directory the way `kubectl kustomize` does, for the
 * subset of Kustomize this repository uses, so the tests validate exactly what
 * `kubectl apply -k deploy/kubernetes/overlays/<env>` sends, with no binary to
 * download. Anything outside the subset is an error, not silently ignored.
 *
 * Supported fields: resources (files and directories), namespace, images
 * (newName, newTag), patches (a strategic-merge patch file or inline patch,
 * optionally with a target; or a JSON 6902 list of operations with a target).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';

export type Resource = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
};

interface Target {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly labelSelector?: string;
}

interface Kustomization {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly resources?: string[];
  readonly namespace?: string;
  readonly images?: { name: string; newName?: string; newTag?: string }[];
  readonly patches?: { path?: string; patch?: string; target?: Target }[];
}

const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'patches']);
/** Kinds that are not namespaced (the namespace transformer leaves them alone). */
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PriorityClass', 'StorageClass']);

export function kustomize(directory: string): Resource[] {
  const file = join(directory, 'kustomization.yaml');
  if (!existsSync(file)) throw new Error(`${directory}: no kustomization.yaml`);
  const spec = parse(readFileSync(file, 'utf8')) as Kustomization;
  const unsupported = Object.keys(spec).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length > 0) throw new Error(`${file}: fields this renderer does not implement: ${unsupported.join(', ')}`);

  let resources: Resource[] = [];
  for (const entry of spec.resources ?? []) {
    const path = resolve(directory, entry);
    resources.push(...(statSync(path).isDirectory() ? kustomize(path) : readResources(path)));
  }
  for (const patch of spec.patches ?? []) resources = applyPatch(resources, patch, directory);
  if (spec.images) resources = resources.map((resource) => setImages(resource, spec.images ?? []));
  if (spec.namespace) {
    for (const resource of resources) if (!CLUSTER_SCOPED.has(resource.kind)) resource.metadata.namespace = spec.namespace;
  }
  const ids = resources.map((r) => `${r.kind}/${r.metadata.namespace ?? ''}/${r.metadata.name}`);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new Error(`${directory}: ${duplicate} is defined twice`);
  return resources;
}

export function readResources(path: string): Resource[] {
  return parseAllDocuments(readFileSync(path, 'utf8'))
    .map((document) => {
      if (document.errors.length > 0) throw new Error(`${path}: ${document.errors[0].message}`);
      return document.toJS() as Resource | null;
    })
    .filter((resource): resource is Resource => resource !== null);
}

function matches(resource: Resource, target: Target): boolean {
  const [group, version] = resource.apiVersion.includes('/') ? resource.apiVersion.split('/') : ['', resource.apiVersion];
  if (target.kind !== undefined && target.kind !== resource.kind) return false;
  if (target.name !== undefined && !new RegExp(`^(?:${target.name})$`).test(resource.metadata.name)) return false;
  if (target.group !== undefined && target.group !== group) return false;
  if (target.version !== undefined && target.version !== version) return false;
  if (target.labelSelector !== undefined) {
    const labels = resource.metadata.labels ?? {};
    for (const term of target.labelSelector.split(',')) {
      const [key, value] = term.split('=').map((part) => part.trim());
      if (value === undefined ? !(key in labels) : labels[key] !== value) return false;
    }
  }
  return true;
}

function applyPatch(resources: Resource[], patch: { path?: string; patch?: string; target?: Target }, directory: string): Resource[] {
  const text = patch.path ? readFileSync(join(directory, patch.path), 'utf8') : patch.patch;
  if (text === undefined) throw new Error(`${directory}: a patch needs path or patch`);
  const body = parse(text) as unknown;
  const where = patch.path ?? 'inline patch';
  if (Array.isArray(body)) {
    if (!patch.target) throw new Error(`${directory}/${where}: a JSON 6902 patch needs a target`);
    const targets = resources.filter((resource) => matches(resource, patch.target as Target));
    if (targets.length === 0) throw new Error(`${directory}/${where}: the target matches nothing`);
    return resources.map((resource) => (targets.includes(resource) ? applyJson6902(resource, body as Json6902[], where) : resource));
  }
  const strategic = body as Resource;
  const target: Target = patch.target ?? { kind: strategic.kind, name: strategic.metadata?.name };
  const targets = resources.filter((resource) => matches(resource, target));
  if (targets.length === 0) throw new Error(`${directory}/${where}: no ${target.kind}/${target.name} to patch`);
  return resources.map((resource) => {
    if (!targets.includes(resource)) return resource;
    // With a target, the patch's own name is ignored: it applies to every match.
    const { metadata, ...rest } = strategic;
    const patchBody = patch.target ? { ...rest, metadata: { ...(metadata ?? {}), name: resource.metadata.name } } : strategic;
    return strategicMerge(resource, patchBody) as Resource;
  });
}

interface Json6902 {
  readonly op: 'add' | 'replace' | 'remove';
  readonly path: string;
  readonly value?: unknown;
}

function applyJson6902(resource: Resource, operations: readonly Json6902[], where: string): Resource {
  const copy = structuredClone(resource);
  for (const operation of operations) {
    const keys = operation.path.split('/').slice(1).map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop() as string;
    let parent: unknown = copy;
    for (const key of keys) {
      parent = (parent as Record<string, unknown>)?.[key];
      if (parent === undefined) throw new Error(`${where}: ${operation.path} does not exist in ${resource.kind}/${resource.metadata.name}`);
    }
    const list = Array.isArray(parent) ? (parent as unknown[]) : undefined;
    const record = parent as Record<string, unknown>;
    if (operation.op === 'remove') {
      if (list) list.splice(Number(last), 1);
      else delete record[last];
    } else if (operation.op === 'replace') {
      if (!(last in record)) throw new Error(`${where}: cannot replace missing ${operation.path} in ${resource.kind}/${resource.metadata.name}`);
      record[last] = structuredClone(operation.value);
    } else if (operation.op === 'add') {
      if (list) list.splice(last === '-' ? list.length : Number(last), 0, structuredClone(operation.value));
      else record[last] = structuredClone(operation.value);
    } else {
      throw new Error(`${where}: JSON 6902 operation ${String((operation as { op: string }).op)} is not supported`);
    }
  }
  return copy;
}

/** Lists Kubernetes merges by key rather than replacing (the strategic-merge keys of the fields used here). */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  tls: 'secretName',
};

export function strategicMerge(base: unknown, patch: unknown, field?: string): unknown {
  if (patch === null) return undefined;
  if (Array.isArray(patch)) {
    const key = field ? MERGE_KEYS[field] : undefined;
    if (!key || !Array.isArray(base)) return structuredClone(patch);
    const merged = [...(base as Record<string, unknown>[])];
    for (const item of patch as Record<string, unknown>[]) {
      const index = merged.findIndex((existing) => existing[key] === item[key]);
      if (index === -1) merged.push(structuredClone(item));
      else merged[index] = strategicMerge(merged[index], item) as Record<string, unknown>;
    }
    return merged;
  }
  if (typeof patch === 'object' && typeof base === 'object' && base !== null && !Array.isArray(base)) {
    const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
      const next = strategicMerge(merged[key], value, key);
      if (next === undefined) delete merged[key];
      else merged[key] = next;
    }
    return merged;
  }
  return structuredClone(patch);
}

function setImages(resource: Resource, images: NonNullable<Kustomization['images']>): Resource {
  const copy = structuredClone(resource);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    for (const key of ['containers', 'initContainers']) {
      for (const container of (record[key] as { image?: string }[] | undefined) ?? []) {
        if (typeof container.image !== 'string') continue;
        const [name, tag] = splitImage(container.image);
        const rule = images.find((image) => image.name === name);
        if (!rule) continue;
        const newTag = rule.newTag ?? tag;
        container.image = `${rule.newName ?? name}${newTag ? `:${newTag}` : ''}`;
      }
    }
    Object.values(record).forEach(visit);
  };
  visit(copy);
  return copy;
}

function splitImage(image: string): [string, string | undefined] {
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? [image.slice(0, colon), image.slice(colon + 1)] : [image, undefined];
}

export const overlayDirectory = (root: string, overlay: string) => join(root, 'deploy', 'kubernetes', 'overlays', overlay);
export const baseDirectory = (root: string) => join(dirname(overlayDirectory(root, 'x')), '..', 'base');
