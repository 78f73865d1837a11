// Synthetic sales workspaces for the benchmark: realistic front-matter (15–25 keys, contacts, scores,
// comments, flow and block lists), 1–5 KB bodies, nested region folders, both roles. Seeded, so the
// same size always gives the same files.
import * as fs from 'node:fs';
import * as path from 'node:path';

const GENERATOR_VERSION = 2;
const REGIONS = ['apac/id', 'apac/sg', 'emea/de', 'emea/nl', 'amer/us', 'amer/br'];
const AE_STAGES = ['prospecting', 'qualification', 'demo', 'proposal', 'negotiation', 'closed_won', 'closed_lost'];
const AM_STAGES = ['onboarding', 'active', 'active', 'active', 'at_risk', 'renewal', 'churned'];
const WORDS = 'platform rollout security review champion budget pricing integration onboarding renewal expansion pilot procurement legal timeline roadmap workshop dashboard analytics migration'.split(' ');

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function day(rnd: () => number, from: number, spanDays: number): string {
  return new Date(Date.UTC(2026, 0, 1) + Math.floor(from + rnd() * spanDays) * 86_400_000).toISOString().slice(0, 10);
}

export function accountText(index: number): { file: string; text: string } {
  const rnd = random(index + 1);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
  const role = rnd() < 0.5 ? 'ae' : 'am';
  const region = pick(REGIONS);
  const name = `Account ${index} ${pick(['Tbk', 'GmbH', 'BV', 'Inc', 'Pte Ltd'])}`;
  const lines = ['---', `name: ${name}`, `stage: ${role === 'ae' ? pick(AE_STAGES) : pick(AM_STAGES)}   # ${pick(WORDS)}`, `ae: ae${index % 40}@example.com`];
  if (role === 'am') lines.push(`am: am${index % 25}@example.com`);
  lines.push(`region: ${region.split('/')[0].toUpperCase()}`, `segment: ${pick(['smb', 'mid-market', 'enterprise'])}`, `arr: ${Math.floor(rnd() * 500) * 1000}`, `currency: ${pick(['USD', 'EUR', 'IDR'])}`);
  if (role === 'ae') lines.push(`probability: ${Math.floor(rnd() * 10) * 10}`, `close_date: ${day(rnd, 200, 300)}`);
  else lines.push(`contract_start: ${day(rnd, 0, 300)}`, `contract_end: ${day(rnd, 300, 500)}`, `notice_days: ${pick([30, 60, 90])}`, `auto_renew: ${rnd() < 0.2}`, `health: ${1 + Math.floor(rnd() * 10)}`);
  lines.push(`last_contact: ${day(rnd, 250, 80)}`, `next_step: "${pick(WORDS)} ${pick(WORDS)} with the ${pick(WORDS)} team"`, `next_step_date: ${day(rnd, 300, 60)}`);
  lines.push('contacts:');
  for (let c = 0; c < 1 + Math.floor(rnd() * 3); c++) lines.push(`  - name: Contact ${c} of ${index}`, `    role: ${pick(['champion', 'economic buyer', 'technical evaluator'])}`, `    email: c${c}@account${index}.example`);
  lines.push('scores:', `  growth_potential: ${1 + Math.floor(rnd() * 10)}`, `  strategic_fit: ${1 + Math.floor(rnd() * 10)}`, `  relationship: ${1 + Math.floor(rnd() * 10)}`, `  revenue: ${1 + Math.floor(rnd() * 10)}`);
  lines.push(`tags: [${pick(WORDS)}, ${pick(WORDS)}]`, '---', '', `# ${name}`, '');
  const bodyBytes = 1000 + Math.floor(rnd() * 4000);
  let body = '';
  while (body.length < bodyBytes) body += `- ${day(rnd, 0, 330)} — ${Array.from({ length: 12 }, () => pick(WORDS)).join(' ')}.\n`;
  return { file: `accounts/${role}/${region}/account-${index}.md`, text: lines.join('\n') + '\n' + body };
}

/** Writes (once) a workspace of `count` accounts under `cacheDir`, and returns its folder. */
export function ensureWorkspace(cacheDir: string, count: number): string {
  const dir = path.join(cacheDir, `workspace-${count}`);
  const marker = path.join(dir, '.generated');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === String(GENERATOR_VERSION)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const made = new Set<string>();
  for (let index = 0; index < count; index++) {
    const { file, text } = accountText(index);
    const full = path.join(dir, file);
    const folder = path.dirname(full);
    if (!made.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    fs.writeFileSync(full, text);
  }
  fs.writeFileSync(marker, String(GENERATOR_VERSION));
  return dir;
}
