import type { CheckResult, ConformanceReport } from './types.js';

const MARKS: Record<CheckResult['status'], string> = { passed: '✓', failed: '✗', skipped: '-' };

/** One line for a result; failures and skips say why. */
export function formatResult(result: CheckResult): string {
  const why = result.error ? `\n      ${result.status === 'failed' ? '' : 'skipped: '}${result.error}` : '';
  return `  ${MARKS[result.status]} ${result.id} — ${result.name}${why}`;
}

/** The report as text: the failures again at the end, then the counts. */
export function formatSummary(report: ConformanceReport): string {
  const failures = report.results.filter((result) => result.status === 'failed');
  const lines = failures.length ? ['', 'Failed:', ...failures.map(formatResult)] : [];
  return [...lines, '', `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`].join('\n');
}
