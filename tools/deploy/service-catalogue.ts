/**
 * What the deployment artefacts need to know about each service, read from the
 * code itself rather than restated: its configuration schema and port, the
 * topics it publishes (it owns them), the topics it consumes (its
 * `@HandlesEvent` providers), its consumer group, and the HTTP prefixes of its
 * controllers. The Kubernetes generator and the deployment tests both start
 * from here, so a new handler or controller shows up in both.
 */
import 'reflect-metadata';
import { PATH_METADATA } from '@nestjs/common/constants';
import { type EventDefinition, type TopicDefinition, TOPICS } from '@passerelle/contracts';
import type { ServiceDefinition } from '@passerelle/platform/bootstrap';
import type { ConfigSchema } from '@passerelle/platform/config';
import { HANDLES_EVENT } from '@passerelle/platform/inbox';
import { consumerGroupOf } from '@passerelle/platform';
import { communicationApp } from '../../apps/communication/src/communication.app';
import { evaluationApp } from '../../apps/evaluation/src/evaluation.app';
import { identityApp } from '../../apps/identity/src/identity.app';
import { intakeApp } from '../../apps/intake/src/intake.app';
import { matchingApp } from '../../apps/matching/src/matching.app';

export const SERVICE_APPS: ReadonlyArray<ServiceDefinition<ConfigSchema>> = [identityApp, intakeApp, matchingApp, communicationApp, evaluationApp];

export interface ServiceFacts {
  readonly name: string;
  readonly definition: ServiceDefinition<ConfigSchema>;
  readonly schema: ConfigSchema;
  /** The schema's default PORT: the port the container listens on. */
  readonly port: number;
  readonly consumerGroup: string;
  /** Topics written through this service's outbox. */
  readonly produces: readonly TopicDefinition[];
  /** Topics read by its handlers, in catalogue order. */
  readonly consumes: readonly TopicDefinition[];
  /** Event types its handlers take. */
  readonly handledTypes: readonly string[];
  /** Controller paths, e.g. `v1/programs/:programId/statistics`, `.well-known`. */
  readonly controllerPaths: readonly string[];
  /** Disjoint public prefixes for the Ingress, e.g. `/v1/programs`, `/.well-known/jwks.json`. */
  readonly publicPrefixes: readonly string[];
}

type ModuleRef = unknown;

/** Every module reachable from the app's imports (static and dynamic), once each. */
function modulesOf(roots: readonly ModuleRef[]): ModuleRef[] {
  const seen = new Set<unknown>();
  const out: ModuleRef[] = [];
  const visit = (entry: ModuleRef) => {
    if (!entry || seen.has(entry)) return;
    seen.add(entry);
    out.push(entry);
    const dynamic = entry as { module?: unknown; imports?: unknown[] };
    const imports = [
      ...((typeof entry === 'function' ? Reflect.getMetadata('imports', entry) : undefined) ?? []),
      ...(dynamic.imports ?? []),
      ...(dynamic.module ? (Reflect.getMetadata('imports', dynamic.module) ?? []) : []),
    ] as unknown[];
    for (const child of imports) visit(child);
  };
  for (const root of roots) visit(root);
  return out;
}

function metadataList(module: ModuleRef, key: 'providers' | 'controllers'): unknown[] {
  const dynamic = module as { module?: unknown; providers?: unknown[]; controllers?: unknown[] };
  const target = typeof module === 'function' ? module : dynamic.module;
  return [...((target ? Reflect.getMetadata(key, target) : undefined) ?? []), ...(dynamic[key] ?? [])] as unknown[];
}

const classOf = (provider: unknown): unknown =>
  typeof provider === 'function' ? provider : (provider as { useClass?: unknown } | undefined)?.useClass;

/** `/v1/<resource>` for versioned paths; the full path for the few fixed ones outside `/v1` (JWKS). */
export function publicPrefixOf(controllerPath: string): string {
  const segments = controllerPath.replace(/^\/+|\/+$/g, '').split('/');
  if (segments[0] === 'v1') return `/${segments.slice(0, 2).join('/')}`;
  if (segments[0] === '.well-known') return '/.well-known/jwks.json';
  return `/${segments[0]}`;
}

/** Paths every service serves that are not routed from the Internet. */
const NOT_PUBLIC = new Set(['health', 'metrics']);

function defaultPort(schema: ConfigSchema): number {
  const port = Object.values(schema).find((variable) => variable.env === 'PORT');
  if (port?.type !== 'port' || port.default === undefined) throw new Error('a service schema must declare PORT with a default');
  return port.default;
}

export function serviceFacts(definition: ServiceDefinition<ConfigSchema>): ServiceFacts {
  const name = definition.description.service;
  const modules = modulesOf([...definition.imports]);
  const providers = [...modules.flatMap((module) => metadataList(module, 'providers')), ...(definition.providers ?? [])];
  const handled = new Map<string, EventDefinition>();
  for (const provider of providers) {
    const target = classOf(provider);
    if (typeof target !== 'function') continue;
    const event = Reflect.getMetadata(HANDLES_EVENT, target) as EventDefinition | undefined;
    if (event) handled.set(event.type, event);
  }
  const consumedTopics = new Set([...handled.values()].map((event) => event.topic));
  const controllerPaths = [
    ...new Set(
      modules
        .flatMap((module) => metadataList(module, 'controllers'))
        .map((controller) => String(Reflect.getMetadata(PATH_METADATA, controller as object) ?? ''))
        .map((path) => path.replace(/^\/+|\/+$/g, ''))
        .filter((path) => path !== '' && !NOT_PUBLIC.has(path.split('/')[0])),
    ),
  ].sort();
  return {
    name,
    definition,
    schema: definition.configSchema,
    port: defaultPort(definition.configSchema),
    consumerGroup: consumerGroupOf(name),
    produces: TOPICS.filter((topic) => topic.service === name),
    consumes: TOPICS.filter((topic) => consumedTopics.has(topic.name)),
    handledTypes: [...handled.keys()].sort(),
    controllerPaths,
    publicPrefixes: [...new Set(controllerPaths.map(publicPrefixOf))].sort(),
  };
}

export const allServiceFacts = (): ServiceFacts[] => SERVICE_APPS.map(serviceFacts);
