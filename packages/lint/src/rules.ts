// The shape of a lint rule: data a linter can list (id, severity, where, how to fix) and the
// check that applies it. Every rule set of this package has it, so a linter runs them all alike.

export type RuleSeverity = 'error' | 'warning';

/** One rule: data a linter can list, and the check that applies it. */
export interface Rule<Input> {
  /** A stable id, such as `ernie/operation-id-length`. */
  id: string;
  /** `error` where the guide says must (强制, 不可); `warning` where it says should (建议). */
  severity: RuleSeverity;
  /** Where the rule looks, as a JSONPath (`$` is the whole file). */
  path: string;
  /** How to fix a violation. */
  fix: string;
  /** Every violation in `input`: where exactly (a JSONPath) and what is wrong. */
  check(input: Input): { path: string; message: string }[];
}

/** A violation of a rule, ready to print. */
export interface RuleFinding {
  rule: string;
  severity: RuleSeverity;
  path: string;
  message: string;
  fix: string;
}

/** Runs every rule on `input`; an empty list means it keeps them all. */
export function checkRules<Input>(rules: readonly Rule<Input>[], input: Input): RuleFinding[] {
  return rules.flatMap((rule) =>
    rule.check(input).map(({ path, message }) => ({
      rule: rule.id,
      severity: rule.severity,
      path,
      message,
      fix: rule.fix,
    })),
  );
}
