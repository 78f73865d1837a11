/**
 * A new account file: its path from the company name, and its text from the team's template
 * (`templates/account.md`) or a starter, verified to read back as an account with that name and
 * stage before anyone creates it.
 */
import * as l10n from '@vscode/l10n';
import { readAccount } from '../read/accountRead';
import type { CalendarDay } from '../model/calendarDay';
import { roleFolder, stagesOf, type TeamConfig } from '../model/teamConfig';
import { EditRefused } from './editPlan';
import { sameData } from './editVerify';
import { splitFrontMatter } from '../read/frontMatter';
import { yamlScalar } from './frontMatterEdit';
import { fillTemplate } from './handoff';
import { readYamlData } from '../read/yamlDocument';

export const NEW_ACCOUNT_TEMPLATE = 'templates/account.md';

const STARTER = `---
name: {{name}}
stage: {{stage}}
---

# {{name}}

## Notes

- {{date}} — 
`;

export interface NewAccount {
  /** Workspace-relative path of the file to create (it must not exist). */
  file: string;
  text: string;
}

/** A safe file name from a company name: "PT Maju Jaya (Tbk.)" → "pt-maju-jaya-tbk". */
export function accountFileName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

export function planNewAccount(name: string, today: CalendarDay, config: TeamConfig, template?: string): NewAccount {
  const trimmed = name.trim();
  const base = accountFileName(trimmed);
  if (base === '' || /[\r\n]/.test(trimmed)) throw new EditRefused(l10n.t('type the company name, on one line'));
  const stage = stagesOf(config, 'ae')[0].id;
  const file = `${roleFolder(config, 'ae')}/${base}.md`;
  const text = fillAccountTemplate(template?.replace(/^\ufeff/, '') ?? STARTER, { name: trimmed, stage, date: today });
  const { account } = readAccount(file, 'ae', text, config);
  const split = splitFrontMatter(text);
  let data: unknown;
  try {
    data = split.kind === 'ok' ? readYamlData(split.frontMatter.yaml) : undefined;
  } catch {
    data = undefined;
  }
  const reads = (value: unknown) => sameData((value as Record<string, unknown> | undefined)?.name, trimmed) && sameData((value as Record<string, unknown> | undefined)?.stage, stage);
  if (!account || !reads(account.data) || !reads(data)) {
    throw new EditRefused(l10n.t("the account template {0} does not give an account named '{1}' in '{2}'; nothing was created (edit-unsafe)", template === undefined ? l10n.t('(built in)') : NEW_ACCOUNT_TEMPLATE, trimmed, stage), 'edit-unsafe');
  }
  return { file, text };
}

/**
 * `{{name}}`, `{{stage}}`, `{{date}}` in a template. In the front-matter each becomes a YAML scalar
 * (quoted when the value needs it, or escaped inside the template's own quotes), so a name such as
 * `Acme: "East"` stays one value; in the body it is Markdown text (`fillTemplate`), so a name such as
 * `<b>Acme</b>` shows as written.
 */
function fillAccountTemplate(template: string, fields: Record<string, string>): string {
  const split = splitFrontMatter(template);
  if (split.kind !== 'ok') return fillTemplate(template, fields);
  const { yamlStart, yaml } = split.frontMatter;
  const frontMatter = yaml.replace(/(["']?)\{\{\s*(\w+)\s*\}\}(["']?)/g, (match, open: string, key: string, close: string) => {
    if (!Object.hasOwn(fields, key)) return match;
    const value = fields[key];
    if (open === '"' && close === '"') return JSON.stringify(value);
    if (open === "'" && close === "'") return `'${value.replace(/'/g, "''")}'`;
    return open + yamlScalar(value) + close;
  });
  return template.slice(0, yamlStart) + frontMatter + fillTemplate(template.slice(yamlStart + yaml.length), fields);
}
