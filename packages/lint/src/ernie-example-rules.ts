import { load } from 'js-yaml';
import { charCount, jsonPath } from './json-path';
import { checkRules, type Rule, type RuleFinding } from './rules';
import { specOperations } from './spec-operations';

// ERNIE Bot's example.yaml (guide §1.3): dialogues that show the model when to call which
// operation, and when to call none (a negative example), to make triggering more accurate.
//   examples:
//     - context:
//         - { role: user, content: 把 hello 加入单词本 }
//         - { role: bot, plugin: { operationId: add_word, requestArguments: { word: hello } } }

/** The examples file as ERNIE reads it, and the operations of the spec it refers to. */
export interface ExamplesInput {
  text: string;
  examples: unknown;
  operationIds: readonly string[];
}

interface Turn {
  role?: unknown;
  plugin?: { operationId?: unknown } | null;
}

/** Each example's bot turns; `undefined` when the file is not shaped as ERNIE expects. */
function botTurns(examples: unknown): Turn[][] | undefined {
  const list = (examples as { examples?: unknown } | null)?.examples;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const result: Turn[][] = [];
  for (const example of list) {
    const context = (example as { context?: unknown } | null)?.context;
    if (!Array.isArray(context) || context.length === 0) return undefined;
    const turns = context as Turn[];
    if (turns.some((t) => t?.role !== 'user' && t?.role !== 'bot')) return undefined;
    result.push(turns.filter((t) => t.role === 'bot'));
  }
  return result;
}

export const ERNIE_EXAMPLE_RULES: readonly Rule<ExamplesInput>[] = [
  {
    id: 'ernie/example-length',
    severity: 'warning',
    path: '$',
    fix: 'keep example.yaml to 300 characters: fewer, shorter dialogues (flow style saves indentation)',
    check({ text }) {
      const count = charCount(text);
      return count <= 300
        ? []
        : [
            {
              path: '$',
              message: `example.yaml is ${count} characters; ERNIE advises at most 300`,
            },
          ];
    },
  },
  {
    id: 'ernie/example-format',
    severity: 'error',
    path: '$.examples[*].context[*].role',
    fix: 'write `examples:`, a list of `context:` lists of `user` and `bot` turns',
    check({ examples }) {
      return botTurns(examples)
        ? []
        : [
            {
              path: '$.examples',
              message: '`examples` must list dialogues, each a `context` of `user` and `bot` turns',
            },
          ];
    },
  },
  {
    id: 'ernie/example-operation',
    severity: 'error',
    path: '$.examples[*].context[*].plugin.operationId',
    fix: 'name an `operationId` that openapi.yaml has',
    check({ examples, operationIds }) {
      return (botTurns(examples) ?? []).flatMap((turns, i) =>
        turns.flatMap((turn) => {
          const id = turn.plugin?.operationId;
          if (id === undefined || operationIds.includes(String(id))) return [];
          return [
            {
              path: jsonPath('examples', i),
              message: `example ${i} calls \`${String(id)}\`, which is not an operation of the spec`,
            },
          ];
        }),
      );
    },
  },
  {
    id: 'ernie/example-negative',
    severity: 'warning',
    path: '$.examples[*]',
    fix: 'add a dialogue whose bot turn calls no operation, so the model learns when not to',
    check({ examples }) {
      const all = botTurns(examples);
      if (!all || all.some((turns) => turns.every((t) => t.plugin?.operationId === undefined)))
        return [];
      return [
        {
          path: '$.examples',
          message: 'every example calls an operation: there is no negative example',
        },
      ];
    },
  },
];

/**
 * Checks an example.yaml text against ERNIE's rules, and its operations against the spec's.
 * Throws when the text is not YAML.
 */
export function checkErnieExamples(text: string, document: unknown): RuleFinding[] {
  const operationIds = specOperations(document).flatMap((op) => op.operationId ?? []);
  return checkRules(ERNIE_EXAMPLE_RULES, { text, examples: load(text), operationIds });
}
