import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kustomize, strategicMerge } from './kustomize';

/** A throw-away Kustomize tree: path → content. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const BASE = {
  'base/kustomization.yaml': 'resources:\n  - app.yaml\n',
  'base/app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { tier: front }
spec:
  template:
    spec:
      containers:
        - name: web
          image: web
          env:
            - { name: A, value: "1" }
            - { name: B, value: "2" }
        - name: sidecar
          image: registry.example.org/tools/sidecar:1.0
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  labels: { tier: front }
data: { LEVEL: info, KEEP: "yes" }
---
apiVersion: v1
kind: Namespace
metadata:
  name: ignored-by-namespace
`,
};

describe('kustomize (the subset this repository uses)', () => {
  const roots: string[] = [];
  const render = (files: Record<string, string>) => {
    const root = tree({ ...BASE, ...files });
    roots.push(root);
    return kustomize(join(root, 'overlay'));
  };
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('sets the namespace on namespaced objects only, and retags images by name', () => {
    const objects = render({
      'overlay/kustomization.yaml': `namespace: prod
resources: [../base]
images:
  - { name: web, newName: registry.example.org/web, newTag: "2.1.0" }
  - { name: registry.example.org/tools/sidecar, newTag: "1.1" }
`,
    });
    expect(objects.map((o) => [o.kind, o.metadata.namespace])).toEqual([
      ['Deployment', 'prod'],
      ['ConfigMap', 'prod'],
      ['Namespace', undefined],
    ]);
    const containers = (objects[0].spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers;
    expect(containers.map((c) => c.image)).toEqual(['registry.example.org/web:2.1.0', 'registry.example.org/tools/sidecar:1.1']);
  });

  it('merges a strategic-merge patch: maps deeply, containers and env by name, null deletes', () => {
    const objects = render({
      'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: patch.yaml\n  - path: config.yaml\n',
      'overlay/patch.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
        - name: web
          env:
            - { name: B, value: "20" }
            - { name: C, value: "3" }
`,
      'overlay/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: web-config }\ndata: { LEVEL: debug, KEEP: null }\n',
    });
    const web = (objects[0].spec as { template: { spec: { containers: { name: string; image: string; env: unknown[] }[] } } }).template.spec.containers;
    expect(web.map((c) => c.name)).toEqual(['web', 'sidecar']);
    expect(web[0].image).toBe('web');
    expect(web[0].env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '20' },
      { name: 'C', value: '3' },
    ]);
    expect(objects[1].data).toEqual({ LEVEL: 'debug' });
  });

  it('applies JSON 6902 operations to every target matched by kind and label selector', () => {
    const objects = render({
      'overlay/kustomization.yaml': `resources: [../base]
patches:
  - target: { labelSelector: "tier=front", kind: ConfigMap }
    patch: |-
      - op: replace
        path: /data/LEVEL
        value: warn
      - op: add
        path: /data/NEW
        value: "x"
      - op: remove
        path: /data/KEEP
`,
    });
    expect(objects[1].data).toEqual({ LEVEL: 'warn', NEW: 'x' });
  });

  it('refuses what it does not implement, a patch that matches nothing, and a replace of a missing path', () => {
    expect(() => render({ 'overlay/kustomization.yaml': 'resources: [../base]\ncommonLabels: { a: b }\n' })).toThrow(/commonLabels/);
    expect(() => render({ 'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: p.yaml\n', 'overlay/p.yaml': 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\n' })).toThrow(/no Service\/web/);
    expect(() =>
      render({
        'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - target: { kind: ConfigMap }\n    patch: |-\n      - op: replace\n        path: /data/MISSING\n        value: x\n',
      }),
    ).toThrow(/cannot replace missing/);
    expect(() => render({ 'overlay/kustomization.yaml': 'resources: [../base, ../base/app.yaml]\n' })).toThrow(/defined twice/);
  });

  it('keeps what an overlay adds out of its siblings: the dev Secrets and development mode never reach prod', () => {
    const overlays = join(__dirname, '..', '..', 'deploy', 'kubernetes', 'overlays');
    const dev = kustomize(join(overlays, 'dev'));
    const prod = kustomize(join(overlays, 'prod'));
    const modes = (objects: typeof dev) => objects.filter((o) => o.kind === 'ConfigMap').map((o) => (o.data as Record<string, string>)['PASSERELLE_MODE']);
    expect(dev.filter((o) => o.kind === 'Secret')).toHaveLength(5);
    expect(new Set(modes(dev))).toEqual(new Set(['development']));
    expect(prod.filter((o) => o.kind === 'Secret')).toEqual([]);
    expect(new Set(modes(prod))).toEqual(new Set([undefined]));
  });

  it('replaces lists without a merge key', () => {
    expect(strategicMerge({ args: ['a', 'b'], ports: [{ containerPort: 1, name: 'x' }] }, { args: ['c'], ports: [{ containerPort: 1, name: 'y' }, { containerPort: 2 }] })).toEqual({
      args: ['c'],
      ports: [{ containerPort: 1, name: 'y' }, { containerPort: 2 }],
    });
  });
});
