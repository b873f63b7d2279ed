import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FieldReason } from '@ringside/core';
import type { ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import { parse } from 'yaml';

// ajv-formats is CommonJS: its default export arrives as the module object under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

/** Where openapi/ringside.yaml is: next to a parent folder of this module (source or bundle). */
export function findSpec(start = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'openapi', 'ringside.yaml');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`openapi/ringside.yaml not found above ${start}`);
  }
}

export function loadSpec(path = findSpec()): Document {
  return parse(readFileSync(resolve(path), 'utf8')) as Document;
}

/**
 * An openapi-backend router and validator built from the YAML: it matches routes, checks
 * parameters, headers and bodies against the document (ajv, all errors at once, formats from
 * ajv-formats), coerces query and path values to their types, and validates responses.
 *
 * `quick` mode: openapi-backend's own document check knows only OpenAPI 3.0; the document is
 * linted with Redocly instead (`npm test`). Validators are compiled up front all the same.
 */
export async function createOpenApiBackend(definition: Document, options: { compileResponses: boolean }): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({
    definition,
    apiRoot: '/api/v1',
    strict: true,
    quick: true,
    coerceTypes: true,
    ajvOpts: { allErrors: true, verbose: true, allowUnionTypes: true, strict: false },
    customizeAjv: (ajv) => {
      addFormats(ajv);
      return ajv;
    },
  });
  await api.init();
  api.validator.preCompileRequestValidators();
  if (options.compileResponses) api.validator.preCompileResponseValidators();
  return api;
}

// The reason keys of the shared business rules (adapter-memory's `rules`), so a client sees the
// same reasons from the schema as from the rules.
const LIMIT = (error: ErrorObject) => (error.params as { limit: number }).limit;

function reasonOf(error: ErrorObject): Pick<FieldReason, 'reason' | 'params'> {
  const custom = (error.parentSchema as { 'x-reason'?: unknown } | undefined)?.['x-reason'];
  if (typeof custom === 'string' && error.keyword !== 'required' && error.keyword !== 'additionalProperties') return { reason: custom };
  switch (error.keyword) {
    case 'required':
      return { reason: 'required' };
    case 'minLength':
      return LIMIT(error) <= 1 ? { reason: 'required' } : { reason: 'too_short', params: { min: LIMIT(error) } };
    case 'maxLength':
      return { reason: 'too_long', params: { max: LIMIT(error) } };
    case 'minimum':
    case 'exclusiveMinimum':
      return { reason: 'too_small', params: { min: LIMIT(error) } };
    case 'maximum':
    case 'exclusiveMaximum':
      return { reason: 'too_large', params: { max: LIMIT(error) } };
    case 'maxItems':
      return { reason: 'too_many', params: { max: LIMIT(error) } };
    case 'minItems':
      return { reason: 'too_few', params: { min: LIMIT(error) } };
    case 'enum':
      return { reason: 'invalid', params: { allowed: ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ') } };
    case 'additionalProperties':
      return { reason: 'unknown_field' };
    case 'parse':
      return { reason: 'invalid_json' };
    default:
      // type, format, pattern, const, oneOf…
      return { reason: 'invalid' };
  }
}

/**
 * The field an ajv error is about, in the naming of the Error schema: body fields by JSON path
 * with dots, query parameters by name (`filter[status]`), headers by their documented name.
 */
function fieldOf(error: ErrorObject, headerNames: Map<string, string>): string {
  const segments = error.instancePath.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const extra = params.missingProperty ?? params.additionalProperty;
  if (extra !== undefined) segments.push(extra);
  const [location, ...rest] = segments;
  if (location === undefined || location === 'requestBody') return rest.length ? rest.join('.') : 'body';
  if (location === 'header') return rest.length ? (headerNames.get(rest[0]!) ?? rest[0]!) : 'header';
  const [name, ...nested] = rest;
  if (!name) return location;
  return name + nested.map((part) => `[${part}]`).join('');
}

/**
 * ajv's errors as field reasons, one per field and reason. A `oneOf` that failed reports the
 * errors of the one branch that got past the value's own shape (a tokenized payment source
 * missing its token reports `source.tokenized.token`), or else `invalid` on the value.
 */
export function fieldReasons(errors: readonly ErrorObject[], headerNames: Map<string, string> = new Map()): FieldReason[] {
  let remaining = [...errors];
  const alternatives = remaining.filter((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf');
  // Innermost first, so an alternative inside another is settled before its parent.
  alternatives.sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const alternative of alternatives) {
    if (!remaining.includes(alternative)) continue;
    const prefix = `${alternative.schemaPath}/`;
    const inside = remaining.filter((error) => error.schemaPath.startsWith(prefix));
    const branches = new Map<string, ErrorObject[]>();
    for (const error of inside) {
      const branch = error.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    const deeper = [...branches.values()].filter((list) => list.every((error) => error.instancePath !== alternative.instancePath));
    remaining = remaining.filter((error) => !inside.includes(error) && error !== alternative);
    remaining.push(...(deeper.length === 1 ? deeper[0]! : [alternative]));
  }
  const seen = new Set<string>();
  const reasons: FieldReason[] = [];
  for (const error of remaining) {
    const field = fieldOf(error, headerNames);
    const { reason, params } = reasonOf(error);
    const key = `${field}\u0000${reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reasons.push(params ? { field, reason, params } : { field, reason });
  }
  return reasons;
}
