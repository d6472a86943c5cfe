import type { jsonSchemaValidator } from '@modelcontextprotocol/server';
import { createAjv, describeError } from '@repo/openapi';

/**
 * The JSON Schema validator the tools' schemas are checked with: the REST API's own ajv set-up
 * (`createAjv`, formats included), whose errors name the field in the REST API's words
 * (`describeError`), so a bad argument reads as the REST 400 would. Schemas are compiled once,
 * when a tool is built.
 */
export function argumentValidator(): jsonSchemaValidator {
  // The schemas come from a spec that loadSpec (or the build) validated, converted by toJsonSchema.
  const ajv = createAjv({ coerce: false, validateSchema: false });
  return {
    getValidator<T>(schema: object) {
      const validate = ajv.compile(schema);
      return (input: unknown) =>
        validate(input)
          ? { valid: true as const, data: input as T, errorMessage: undefined }
          : {
              valid: false as const,
              data: undefined,
              errorMessage: describeError(validate, 'arguments').message,
            };
    },
  };
}
