export type Role = 'ae' | 'am';

export interface Stage {
  id: string;
  role: Role;
  /** Default win probability in percent (AE stages). */
  probability?: number;
  closed: boolean;
  won: boolean;
}

export function roleLabel(role: Role): string {
  return role === 'ae' ? 'AE' : 'AM';
}

/** The stage id closest to a misspelt one, if one is close enough to be what was meant. */
export function closestStage(id: string, stages: readonly Stage[]): Stage | undefined {
  const wanted = id.trim().toLowerCase();
  let best: Stage | undefined;
  let bestDistance = Infinity;
  for (const stage of stages) {
    const distance = editDistance(wanted, stage.id.toLowerCase());
    if (distance < bestDistance) {
      best = stage;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(wanted.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** Damerau–Levenshtein (optimal string alignment): a swapped pair of letters counts as one edit. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, d[(i - 2) * cols + j - 2] + 1);
      }
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1];
}
