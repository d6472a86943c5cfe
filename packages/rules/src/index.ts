export { checkRules, type Rule, type RuleFinding, type RuleSeverity } from './rules';
