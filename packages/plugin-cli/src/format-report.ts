import type { LintReport } from './lint-plugin';

/** Counts of a report's findings by severity. */
export function tally(report: LintReport): { errors: number; warnings: number } {
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: report.findings.length - errors };
}

/** A report for people: each finding with its rule, JSON path, message and fix. */
export function formatReport(report: LintReport): string {
  const lines = [`ai-plugin lint ${report.target} (rules: ${report.hosts.join(', ')})`];
  if (report.logo) {
    const size =
      report.logo.width === undefined
        ? 'size unknown'
        : `${report.logo.width}x${report.logo.height}`;
    lines.push(`  logo: ${report.logo.format.toUpperCase()}, ${size}, ${report.logo.bytes} bytes`);
  }
  for (const finding of report.findings) {
    lines.push(`  ${finding.severity.padEnd(8)} ${finding.rule}  ${finding.path}`);
    lines.push(`           ${finding.message}`);
    lines.push(`           fix: ${finding.fix}`);
  }
  const { errors, warnings } = tally(report);
  lines.push(
    errors
      ? `  ✗ ${errors} error(s), ${warnings} warning(s)`
      : `  ✓ no errors, ${warnings} warning(s)`,
  );
  return lines.join('\n');
}

/** The same report for tools. */
export function reportJson(report: LintReport): string {
  return JSON.stringify({ ...report, ...tally(report) }, null, 2);
}
