/** Latency sampling for the benchmarks: warm up, then time each run and report percentiles. */
export type Latency = { p50: number; p95: number; max: number; runs: number };

export async function sampleLatency(run: () => Promise<unknown>, runs: number, warmup = Math.min(20, runs)): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await run();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) durations.push((await timed(run)).seconds * 1000);
  return latencyOf(durations);
}

const latencyOf = (durations: number[]): Latency => ({
  p50: percentile(durations, 0.5),
  p95: percentile(durations, 0.95),
  max: percentile(durations, 1),
  runs: durations.length,
});

/**
 * A product and its floor sampled in turn (product, floor, product, …), so that a busy moment of
 * the machine falls on both rather than on whichever ran then.
 */
export async function sampleLatencyBeside(
  product: () => Promise<unknown>,
  floor: () => Promise<unknown>,
  runs: number,
  warmup = 1,
): Promise<{ product: Latency; floor: Latency }> {
  for (let i = 0; i < warmup; i++) {
    await product();
    await floor();
  }
  const durations = { product: [] as number[], floor: [] as number[] };
  for (let i = 0; i < runs; i++) {
    durations.product.push((await timed(product)).seconds * 1000);
    durations.floor.push((await timed(floor)).seconds * 1000);
  }
  return { product: latencyOf(durations.product), floor: latencyOf(durations.floor) };
}

/** The value below which a fraction `q` of `values` lies (nearest rank); 0 for none. */
export function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;

/** What `run` returns, and how long it took. */
export async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = process.hrtime.bigint();
  const value = await run();
  return { value, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
