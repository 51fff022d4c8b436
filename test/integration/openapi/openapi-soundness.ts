/**
 * Structural checks of an OpenAPI 3.1 document that need no validator package: what a consumer
 * (a generator, a portal developer) trips over first. Returns every problem found, in plain words.
 */
export function openApiProblems(doc: Record<string, any>): string[] {
  const problems: string[] = [];
  if (!/^3\.[01]\.\d+$/.test(String(doc.openapi))) problems.push(`openapi is '${doc.openapi}', not 3.0.x or 3.1.x`);
  if (!doc.info?.title || !doc.info?.version) problems.push('info.title and info.version are required');
  for (const ref of refsIn(doc)) if (resolve(doc, ref) === undefined) problems.push(`$ref ${ref} resolves to nothing`);

  const schemes = Object.keys(doc.components?.securitySchemes ?? {});
  const requirements = [...(doc.security ?? [])];
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths ?? {})) {
    if (!path.startsWith('/')) problems.push(`path '${path}' does not start with /`);
    const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const [method, op] of Object.entries<Record<string, any>>(item)) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(method)) {
        problems.push(`${where}: '${method}' is not an HTTP method`);
        continue;
      }
      const params: Record<string, any>[] = [...(op.parameters ?? [])].map((p) => (p.$ref ? resolve(doc, p.$ref) : p) ?? {});
      const declared = params.filter((p) => p.in === 'path').map((p) => p.name);
      for (const name of inPath) if (!declared.includes(name)) problems.push(`${where}: path parameter {${name}} is not declared`);
      for (const p of params.filter((p) => p.in === 'path')) {
        if (!inPath.includes(p.name)) problems.push(`${where}: path parameter '${p.name}' is not in the path`);
        if (p.required !== true) problems.push(`${where}: path parameter '${p.name}' must be required: true`);
      }
      const seen = new Set<string>();
      for (const p of params) {
        if (!p.schema) problems.push(`${where}: parameter '${p.name}' has no schema`);
        const key = `${p.in}:${p.name}`;
        if (seen.has(key)) problems.push(`${where}: parameter '${p.name}' (${p.in}) is declared twice`);
        seen.add(key);
      }
      const statuses = Object.keys(op.responses ?? {});
      if (statuses.length === 0) problems.push(`${where}: no responses`);
      for (const status of statuses) {
        if (!/^([1-5](\d\d|XX)|default)$/.test(status)) problems.push(`${where}: '${status}' is not a response status`);
        if (!op.responses[status].description) problems.push(`${where}: response ${status} has no description`);
      }
      if (op.requestBody && !op.requestBody.content) problems.push(`${where}: requestBody has no content`);
      requirements.push(...(op.security ?? []));
    }
  }
  for (const requirement of requirements) {
    for (const name of Object.keys(requirement)) if (!schemes.includes(name)) problems.push(`security requirement '${name}' names no security scheme`);
  }
  return problems;
}

function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refsIn(value, found);
    }
  }
  return found;
}

/** A local reference (`#/components/schemas/Error`), as a JSON pointer; anything else resolves to nothing. */
function resolve(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: any = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object' || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}
