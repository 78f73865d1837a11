import * as l10n from '@vscode/l10n';

export type Role = 'ae' | 'am';

export interface Stage {
  id: string;
  role: Role;
  /** Default win probability in percent (AE stages). */
  probability?: number;
  closed: boolean;
  won: boolean;
  /** What people read for this stage (`label:` in `.handoff.yml`); the id when absent. */
  label?: string;
  /** Days a deal may sit in this stage before it counts as stalled (`stale_days:`); none when absent. */
  staleDays?: number;
}

export function roleLabel(role: Role): string {
  return role === 'ae' ? 'AE' : 'AM';
}

/**
 * The stage's name for people: the team's `label`, else the default stage's name in the display
 * language ("Closed won", "Berisiko"), else the id. Ids stay in files, JSON and commands.
 */
export function stageLabel(stage: Stage | undefined, id?: string): string {
  if (stage?.label) return stage.label;
  const key = stage?.id ?? id ?? '';
  return defaultLabel(key) ?? key;
}

function defaultLabel(id: string): string | undefined {
  switch (id) {
    case 'prospecting':
      return l10n.t('Prospecting');
    case 'qualification':
      return l10n.t('Qualification');
    case 'demo':
      return l10n.t('Demo');
    case 'proposal':
      return l10n.t('Proposal');
    case 'negotiation':
      return l10n.t('Negotiation');
    case 'closed_won':
      return l10n.t('Closed won');
    case 'closed_lost':
      return l10n.t('Closed lost');
    case 'onboarding':
      return l10n.t('Onboarding');
    case 'active':
      return l10n.t('Active');
    case 'at_risk':
      return l10n.t('At risk');
    case 'renewal':
      return l10n.t('Renewal');
    case 'churned':
      return l10n.t('Churned');
    default:
      return undefined;
  }
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
