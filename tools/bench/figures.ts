/** Percentiles and table layout shared by the benchmarks' printed reports. */

export interface Distribution {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles of `values` (sorted here, in place). */
export function distribution(values: number[]): Distribution {
  values.sort((a, b) => a - b);
  const at = (p: number) => (values.length === 0 ? NaN : values[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]);
  return { count: values.length, p50: at(50), p99: at(99), max: values.length ? values[values.length - 1] : NaN };
}

export const f = (value: number, digits = 0) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '—';

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].map((row) => `  ${row}`).join('\n');
}

export const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
