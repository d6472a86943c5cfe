import { charCount } from './json-path';
import type { Rule } from './rules';

/** A response a host reads (a manifest, a spec, an API answer), by name. */
export interface ResponseInput {
  name: string;
  text: string;
}

export const RESPONSE_RULES: readonly Rule<ResponseInput>[] = [
  {
    // GPT Actions, production notes (https://developers.openai.com/api/docs/actions/production):
    // "Request and response payloads must be less than 100,000 characters each".
    id: 'openai/response-size',
    severity: 'error',
    path: '$',
    fix: 'keep every response under 100,000 characters: page or trim large results',
    check: ({ name, text }) => {
      const count = text.length < 100_000 ? text.length : charCount(text);
      return count >= 100_000
        ? [
            {
              path: '$',
              message: `${name} is ${count} characters; hosts drop responses of 100,000 or more`,
            },
          ]
        : [];
    },
  },
];
