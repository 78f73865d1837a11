/**
 * The body of the Account Overview webview: every value from the account through `htmlText`, the
 * only markup this module's own. Links to the file are buttons carrying a line number the
 * extension checks (`data-line`), never a URL.
 */
import * as l10n from '@vscode/l10n';
import type { AccountOverview, OverviewRow, OverviewSection } from '../insight/accountOverview';
import { htmlText } from './html';

export interface OverviewState {
  /** The file is gone (deleted, or moved where the index does not follow): the page stays, marked, without links. */
  removed?: boolean;
}

export function overviewBody(overview: AccountOverview, state: OverviewState = {}): string {
  const links = !state.removed;
  const header = [
    '<header>',
    `<h1>${htmlText(overview.name)}</h1>`,
    `<p class="subtitle">${htmlText(overview.subtitle)}</p>`,
    `<p class="file">${htmlText(overview.file)}</p>`,
    links ? `<button type="button" class="open" data-line="0">${htmlText(l10n.t('Open File'))}</button>` : '',
    state.removed ? `<p class="removed" role="status">${htmlText(l10n.t("This account's file was removed; the page shows it as it was."))}</p>` : '',
    '</header>',
  ];
  return [...header, '<main>', ...overview.sections.map((section) => sectionHtml(section, links)), '</main>'].filter(Boolean).join('\n');
}

function sectionHtml(section: OverviewSection, links: boolean): string {
  const id = `section-${htmlText(section.id)}`;
  const rows = section.rows.length === 0 ? `<p class="empty">${htmlText(section.empty)}</p>` : `<dl>\n${section.rows.map((row) => rowHtml(row, links)).join('\n')}\n</dl>`;
  return `<section class="${htmlText(section.id)}" aria-labelledby="${id}">\n<h2 id="${id}">${htmlText(section.title)}</h2>\n${rows}\n</section>`;
}

function rowHtml(row: OverviewRow, links: boolean): string {
  const tone = row.tone ? ` class="tone-${htmlText(row.tone)}"` : '';
  const meter = row.meter === undefined ? '' : ` <meter min="1" max="10" low="5" high="7" optimum="10" value="${htmlText(String(row.meter))}">${htmlText(String(row.meter))}/10</meter>`;
  const line = row.line;
  const link =
    links && line !== undefined && Number.isInteger(line) && line >= 0
      ? ` <button type="button" class="line" data-line="${htmlText(String(line))}" title="${htmlText(l10n.t('Open the file at line {0}', line + 1))}">${htmlText(l10n.t('line {0}', line + 1))}</button>`
      : '';
  return `<div${tone}><dt>${htmlText(row.label)}</dt><dd><span class="value">${htmlText(row.value)}</span>${meter}${link}</dd></div>`;
}
