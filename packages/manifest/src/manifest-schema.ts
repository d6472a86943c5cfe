// A namespace import, not `{ z }`: esbuild then bundles only the parts used, which leaves zod's
// locales out of the apps' bundles.
import * as z from 'zod';

// The ai-plugin.json model, as the OpenAI plugin docs define it and ERNIE Bot reuses it.
// Limits here are OpenAI's; stricter host rules (ERNIE's) are checked on top, not instead.

const absoluteUrl = z
  .string()
  .refine((value) => /^https?:\/\/[^/]/.test(value) && URL.canParse(value), {
    message: 'must be an absolute http(s) URL',
  });

const verificationTokens = z.record(z.string(), z.string().min(1));

export const httpAuthorizationType = z.enum(['bearer', 'basic']);

export const manifestAuthSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({
    type: z.literal('service_http'),
    authorization_type: httpAuthorizationType,
    verification_tokens: verificationTokens,
  }),
  z.strictObject({
    type: z.literal('user_http'),
    authorization_type: httpAuthorizationType,
  }),
  z.strictObject({
    type: z.literal('oauth'),
    client_url: absoluteUrl,
    scope: z.string(),
    authorization_url: absoluteUrl,
    authorization_content_type: z.enum(['application/json', 'application/x-www-form-urlencoded']),
    verification_tokens: verificationTokens,
  }),
]);

export const manifestSchema = z.object({
  schema_version: z.literal('v1'),
  name_for_human: z.string().min(1).max(20),
  name_for_model: z
    .string()
    .min(1)
    .max(50)
    .regex(/^[A-Za-z0-9_]+$/, 'must be letters, digits and `_` only'),
  description_for_human: z.string().min(1).max(100),
  description_for_model: z.string().min(1).max(8000),
  auth: manifestAuthSchema,
  api: z.strictObject({
    type: z.literal('openapi'),
    url: absoluteUrl,
    is_user_authenticated: z.boolean().optional(),
  }),
  logo_url: absoluteUrl,
  contact_email: z.email(),
  legal_info_url: absoluteUrl,
  examples: z.strictObject({ url: absoluteUrl }).optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestAuth = z.infer<typeof manifestAuthSchema>;

/** Formats zod issues as one line each, with the JSON path: `auth.client_url: must be …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('\n');
}
