/** The team's configuration as the code uses it: folders, stages, rules and people, and the defaults. (Read from `.handoff.yml` by `read/configRead.ts`.) */
import { stageLabel, type Role, type Stage } from './stage';

export const CONFIG_FILE = '.handoff.yml';

export interface TeamMember {
  id: string;
  role?: Role;
  region?: string;
  quota: Record<string, number>;
}

/** `handoff.require_note`: whether an AM account's handoff note with empty checklist items is reported, and how. */
export type NoteGate = 'off' | 'warning' | 'error';

export interface TeamConfig {
  root: string;
  folders: Record<Role, string>;
  stages: Stage[];
  /**
   * `notes`: the folder (under `root`) of the handoff notes, one per account at the account's path
   * below its role folder; `requireNote`: how `check` reports a note with empty checklist items.
   */
  handoff: { from: string; to: string; template: string | null; notes: string; requireNote: NoteGate };
  renewal: { warnDays: number[]; noticeDays: number };
  contact: { staleDays: number };
  /** How many days before a next step or close date its lens appears; 0 turns those lenses off. */
  reminders: { aheadDays: number };
  scoring: { criteria: Record<string, number>; keyAccounts: number };
  team: TeamMember[];
}

/** The folder of a role's accounts, workspace-relative with `/` and no trailing slash: `accounts/ae`. */
export function roleFolder(config: TeamConfig, role: Role): string {
  return config.root === '' ? config.folders[role] : `${config.root}/${config.folders[role]}`;
}

/** The folder of the handoff notes, workspace-relative like `roleFolder`: `accounts/handoffs`. */
export function notesFolder(config: TeamConfig): string {
  return config.root === '' ? config.handoff.notes : `${config.root}/${config.handoff.notes}`;
}

const stage = (id: string, role: Role, probability?: number, closed = false, won = false): Stage => ({
  id,
  role,
  probability,
  closed,
  won,
});

export function defaultConfig(): TeamConfig {
  return {
    root: 'accounts',
    folders: { ae: 'ae', am: 'am' },
    stages: [
      stage('prospecting', 'ae', 10),
      stage('qualification', 'ae', 20),
      stage('demo', 'ae', 40),
      stage('proposal', 'ae', 60),
      stage('negotiation', 'ae', 80),
      stage('closed_won', 'ae', 100, true, true),
      stage('closed_lost', 'ae', 0, true),
      stage('onboarding', 'am'),
      stage('active', 'am'),
      stage('at_risk', 'am'),
      stage('renewal', 'am'),
      stage('churned', 'am', undefined, true),
    ],
    handoff: { from: 'closed_won', to: 'onboarding', template: null, notes: 'handoffs', requireNote: 'warning' },
    renewal: { warnDays: [90, 60, 30], noticeDays: 60 },
    contact: { staleDays: 30 },
    reminders: { aheadDays: 3 },
    scoring: { criteria: { growth_potential: 3, strategic_fit: 2, relationship: 2, revenue: 3 }, keyAccounts: 10 },
    team: [],
  };
}
/** The stage with this id, if the team has one. */
export function stageById(config: TeamConfig, id: unknown): Stage | undefined {
  return typeof id === 'string' ? config.stages.find((s) => s.id === id) : undefined;
}

/** A stage id as people read it: the team's label, the default stage's name, else the id as written. */
export function stageNameOf(config: TeamConfig, id: string): string {
  return stageLabel(stageById(config, id), id);
}

/** The stages of one role (the AE's sales stages, the AM's customer stages), in pipeline order. */
export function stagesOf(config: TeamConfig, role: Role): Stage[] {
  return config.stages.filter((s) => s.role === role);
}
