/**
 * The part of OpenAPI 3.1 this resource provider writes. Schemas are plain JSON Schema: 3.1 takes
 * the typebox schemas of `wap/contract/` as they are (with `type: ['string', 'null']`), which 3.0 would not.
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required?: boolean;
  readonly description?: string;
  readonly schema: JsonSchema;
}

export interface OpenApiMediaType {
  readonly schema: JsonSchema;
}

export interface OpenApiResponse {
  readonly description: string;
  readonly content?: Readonly<Record<string, OpenApiMediaType>>;
}

export interface OpenApiOperation {
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly parameters?: readonly OpenApiParameter[];
  readonly requestBody?: { readonly required?: boolean; readonly description?: string; readonly content: Readonly<Record<string, OpenApiMediaType>> };
  readonly responses: Readonly<Record<string, OpenApiResponse>>;
  /** `[]` on a public route; absent means the document's default, WAP's Basic credentials. */
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';

export type OpenApiPathItem = Partial<Record<HttpMethod, OpenApiOperation>>;

/** Path items keyed by OpenAPI path, `/admin/plugins/{pluginId}/enable` (Express's `:pluginId` in braces). */
export type OpenApiPaths = Readonly<Record<string, OpenApiPathItem>>;

export interface OpenApiDocumentObject {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string; readonly description?: string };
  readonly servers?: readonly { readonly url: string; readonly description?: string }[];
  readonly tags?: readonly { readonly name: string; readonly description?: string }[];
  readonly security: readonly Readonly<Record<string, readonly string[]>>[];
  readonly paths: OpenApiPaths;
  readonly components: {
    readonly securitySchemes: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
    readonly schemas: Readonly<Record<string, JsonSchema>>;
    readonly responses?: Readonly<Record<string, OpenApiResponse>>;
  };
}
