/** Latency sampling for the benchmarks: warm up, then time each run and report percentiles. */
export type Latency = { p50: number; p95: number; max: number; runs: number };

export async function sampleLatency(run: () => Promise<unknown>, runs: number, warmup = Math.min(20, runs)): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await run();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await run();
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.ceil(q * durations.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: durations.at(-1)!, runs };
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;
