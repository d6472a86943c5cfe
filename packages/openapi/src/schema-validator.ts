import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// OpenAPI 3.0 schema objects carry annotations that are not JSON Schema keywords.
const OPENAPI_ANNOTATIONS = ['example', 'xml', 'externalDocs'];

export interface AjvOptions {
  /** Turn query and path strings into the schema's types (and a lone value into a list). */
  coerce: boolean;
  /**
   * Check each schema against JSON Schema's meta-schema before compiling it (the default). Pass
   * false only for schemas already validated, as a loaded spec's are: the first check compiles
   * the meta-schema itself, a large part of an app's start-up.
   */
  validateSchema?: boolean;
}

/**
 * An ajv instance that understands OpenAPI schema objects (`nullable`, `discriminator`,
 * `example`, the `int32`/`date`/`email` formats). `coerce` turns query and path strings into the
 * schema's types, and a lone value into a one-item array where the schema wants an array.
 */
export function createAjv(options: AjvOptions): Ajv {
  const ajv = new Ajv({
    allErrors: false,
    coerceTypes: options.coerce ? 'array' : false,
    discriminator: true,
    strict: 'log',
    logger: false,
    validateSchema: options.validateSchema ?? true,
  });
  ajv.addVocabulary(OPENAPI_ANNOTATIONS);
  addFormats(ajv);
  return ajv;
}

/** The first error of a failed validation as a field name and a sentence naming it. */
export function describeError(
  validate: ValidateFunction,
  root: string,
): { field: string; message: string } {
  const error = validate.errors?.[0] as ErrorObject | undefined;
  if (!error) return { field: root, message: `\`${root}\` is not valid` };
  const segments = error.instancePath.split('/').slice(1).map(decodePointer);
  const at = (extra?: string) => [...segments, ...(extra ? [extra] : [])].join('.') || root;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const field = at(String(params.missingProperty));
    return { field, message: `\`${field}\` is required` };
  }
  if (error.keyword === 'additionalProperties') {
    const field = at(String(params.additionalProperty));
    return { field, message: `\`${field}\` is not allowed here` };
  }
  if (error.keyword === 'enum') {
    const field = at();
    const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
    return { field, message: `\`${field}\` must be one of ${allowed}` };
  }
  const field = at();
  if (error.keyword === 'minLength' && params.limit === 1) {
    return { field, message: `\`${field}\` must not be empty` };
  }
  return { field, message: `\`${field}\` ${error.message ?? 'is not valid'}` };
}

function decodePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
