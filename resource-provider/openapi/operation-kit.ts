import { Type, type TSchema } from '@sinclair/typebox';
import { WapError } from '../wap/contract/quota';
import type { JsonSchema, OpenApiOperation, OpenApiParameter, OpenApiResponse } from './openapi-types';

/*
 * Small builders for the `describe()` of a route contribution, so that a route's documentation
 * reads as briefly as the route. Schemas are passed as they are (typebox schemas ARE JSON
 * Schemas); the document hoists the titled ones into `components.schemas`.
 */

const STATUS_TEXT: Record<number, string> = {
  400: 'The request is not valid; the message names the field',
  403: 'Refused',
  404: 'Not found',
  409: 'Conflicts with what is stored; nothing was changed',
};

export interface OperationSpec {
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly parameters?: readonly OpenApiParameter[];
  readonly body?: { readonly schema: TSchema | JsonSchema; readonly description?: string; readonly required?: boolean };
  readonly responses: Readonly<Record<string, OpenApiResponse>>;
  /** Error statuses this operation answers besides the ones every route may (401, 500), each with WAP's `Error` body. */
  readonly errors?: readonly number[];
}

export function operation(spec: OperationSpec): OpenApiOperation {
  const errors = Object.fromEntries((spec.errors ?? []).map((status) => [String(status), wapErrorResponse(STATUS_TEXT[status] ?? 'Error')]));
  return {
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: spec.tags,
    ...(spec.parameters?.length ? { parameters: spec.parameters } : {}),
    ...(spec.body
      ? { requestBody: { required: spec.body.required ?? true, ...(spec.body.description ? { description: spec.body.description } : {}), content: json(spec.body.schema) } }
      : {}),
    responses: { ...spec.responses, ...errors },
  };
}

export function json(schema: TSchema | JsonSchema): Record<string, { schema: JsonSchema }> {
  return { 'application/json': { schema } };
}

export function jsonResponse(description: string, schema: TSchema | JsonSchema): OpenApiResponse {
  return { description, content: json(schema) };
}

/** What `sendItems` answers: `{ items }` as JSON, or the same rows as CSV. */
export function itemsResponse(description: string, item: TSchema | JsonSchema): OpenApiResponse {
  return {
    description,
    content: { ...json(Type.Object({ items: Type.Array(item as TSchema) })), 'text/csv': { schema: { type: 'string', description: 'a header row, then one row per item' } } },
  };
}

export function noContent(description: string): OpenApiResponse {
  return { description };
}

export function wapErrorResponse(description: string): OpenApiResponse {
  return jsonResponse(description, WapError);
}

export function pathParam(name: string, description: string, schema: TSchema | JsonSchema = Type.String()): OpenApiParameter {
  return { name, in: 'path', required: true, description, schema };
}

export function queryParam(name: string, description: string, schema: TSchema | JsonSchema = Type.String()): OpenApiParameter {
  return { name, in: 'query', required: false, description, schema };
}

/** `?format=csv` of every tabular route (see `http/tabular-response.ts`). */
export const formatParam = queryParam('format', 'csv for a CSV download; JSON otherwise (or by `Accept: text/csv`)', Type.Union([Type.Literal('json'), Type.Literal('csv')]));

/** `from` and `to` of every usage route (see `http/usage-period-params.ts`). */
export const periodParams: readonly OpenApiParameter[] = [
  queryParam('from', 'start (inclusive), an ISO 8601 instant on a whole UTC hour; default: the start of the current UTC month', Type.String({ format: 'date-time' })),
  queryParam('to', 'end (exclusive), on a whole UTC hour, after `from`; default: the end of the current hour', Type.String({ format: 'date-time' })),
];

export const granularityParam = queryParam(
  'granularity',
  'a series of buckets instead of one total per meter; at most 2000 buckets',
  Type.Union([Type.Literal('hour'), Type.Literal('day'), Type.Literal('month')]),
);
