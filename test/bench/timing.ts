// The bench's clock: medians of repeated runs, in milliseconds.

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The median of `repetitions` runs of `run`. */
export async function time(repetitions: number, run: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = now();
    await run();
    samples.push(now() - start);
  }
  return median(samples);
}
