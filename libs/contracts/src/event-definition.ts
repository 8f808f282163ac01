import type { JSONSchema } from 'json-schema-to-ts';

/** The five deployables; each owns the topics named after it. */
export const SERVICES = ['identity', 'intake', 'matching', 'communication', 'evaluation'] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * One published event type. Built once by `defineEvent` from a JSON Schema;
 * the TypeScript data type is `FromSchema<schema>`, so the two cannot drift.
 */
export interface EventDefinition<TData = unknown> {
  /** `passerelle.<service>.<aggregate>.<verb>.v<version>`: the `ce_type` header. */
  readonly type: string;
  readonly service: ServiceName;
  readonly aggregate: string;
  readonly verb: string;
  readonly version: number;
  /** `passerelle.<service>.<aggregate>`: one topic per aggregate. */
  readonly topic: string;
  /** The `ce_dataschema` header: a URN naming this exact schema version. */
  readonly dataschema: string;
  /** The data field holding the aggregate id: record key and `ce_subject`. */
  readonly subjectField: string;
  /**
   * Top-level data fields holding personal data. PRODUCT.md: payloads carry ids,
   * "except where the consumer truly needs it" — listing them here is what lets
   * the erasure documentation and topic retention cite exactly what is kept.
   */
  readonly personalFields: readonly string[];
  readonly schema: JSONSchema;
  /** What happened and who consumes it (rendered into the AsyncAPI document). */
  readonly description: string;
  readonly example: TData;
  /** Phantom member: never set, only carries `TData` for inference. */
  readonly __data?: TData;
}

export type EventData<D> = D extends EventDefinition<infer T> ? T : never;

export interface EventSpec<TData> {
  readonly service: ServiceName;
  readonly aggregate: string;
  readonly verb: string;
  readonly version: number;
  readonly subjectField: Extract<keyof TData, string>;
  readonly personalFields?: readonly Extract<keyof TData, string>[];
  readonly schema: JSONSchema;
  readonly description: string;
  readonly example: TData;
}

/** Derives the names from the parts so no definition can misspell its own type, topic or schema URN. */
export function defineEvent<TData>(spec: EventSpec<TData>): EventDefinition<TData> {
  const topic = `passerelle.${spec.service}.${spec.aggregate}`;
  const type = `${topic}.${spec.verb}.v${spec.version}`;
  return Object.freeze({
    type,
    service: spec.service,
    aggregate: spec.aggregate,
    verb: spec.verb,
    version: spec.version,
    topic,
    dataschema: `urn:passerelle:schema:${type}`,
    subjectField: spec.subjectField,
    personalFields: spec.personalFields ?? [],
    schema: spec.schema,
    description: spec.description,
    example: spec.example,
  });
}
