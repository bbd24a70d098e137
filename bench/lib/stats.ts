// Percentiles and summaries of latency samples (milliseconds).
export type Summary = { count: number; p50: number; p95: number; p99: number; max: number };

export function summarize(samples: number[]): Summary {
  if (samples.length === 0) return { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    count: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1]),
  };
}

export function ratio(ours: number, reference: number): number {
  return Math.round((ours / reference) * 100) / 100;
}
