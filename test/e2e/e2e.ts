// `npm run test:e2e`: the packaged extension (.vsix) installed into the real VS Code of the test
// host, driven in chromium as a person would: open the Handoff view, read the Pipeline, hand a won
// deal off from the command palette, see the file under the AM folder and the lens on its
// contract end; then, in Bahasa Indonesia, the palette and the Pipeline; then the browser entry alone,
// as vscode.dev and github.dev run it, in the web worker extension host. Screenshots go to .cache/e2e/
// (and to media/ with --update-screenshots).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

const root = path.resolve(__dirname, '..', '..', '..');
// The test host's helpers are plain JavaScript in the source tree, loaded where they lie, not bundled.
/* eslint-disable @typescript-eslint/no-require-imports */
const { setup } = require(path.join(root, 'test', 'host', 'setup.js')) as { setup(): void };
const { startCodeServer, launchChromium } = require(path.join(root, 'test', 'host', 'codeServer.js'));
const { node24Bin, codeServerEntry } = require(path.join(root, 'test', 'host', 'paths.js'));
const { browserOnly } = require(path.join(root, 'test', 'host', 'webExtension.js')) as { browserOnly(folder: string): void };
const { textShown } = require(path.join(root, 'test', 'host', 'textShown.js'));
/* eslint-enable @typescript-eslint/no-require-imports */

const shots = path.join(root, '.cache', 'e2e');
const results = { passed: 0, failed: 0, failures: [] as string[] };
let currentPage: Page | undefined;

async function check(name: string, run: () => Promise<void>): Promise<boolean> {
  try {
    await run();
    results.passed++;
    process.stdout.write(`  ✔ ${name}\n`);
    return true;
  } catch (error) {
    results.failed++;
    results.failures.push(`${name}: ${(error as Error).message.split('\n')[0]}`);
    await currentPage?.screenshot({ path: path.join(shots, `failed-${results.failed}.png`) }).catch(() => undefined);
    process.stdout.write(`  ✘ ${name}\n    ${(error as Error).message.split('\n').join('\n    ')}\n`);
    return false;
  }
}

/** Runs a command from the palette as a person would; retries while the workbench is still loading commands. */
async function palette(page: Page, command: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${command}`);
    try {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first().waitFor({ timeout: 5_000 });
      await page.keyboard.press('Enter');
      return;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (attempt === 4) throw error;
    }
  }
}

/** Drags the side bar's edge until it is `width` px wide, as a person would (VS Code's default is 300). */
async function sideBarWidth(page: Page, width: number): Promise<void> {
  const bar = page.locator('.part.sidebar');
  for (let attempt = 1; attempt <= 3; attempt++) {
    const box = await bar.boundingBox();
    if (!box) throw new Error('no side bar');
    if (Math.abs(box.width - width) <= 2) return;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width, y);
    await page.mouse.down();
    await page.mouse.move(box.x + width, y, { steps: 8 });
    await page.mouse.up();
  }
  const box = await bar.boundingBox();
  throw new Error(`the side bar is ${box?.width} px wide, not ${width}`);
}

/**
 * Fails unless `text` is in the row and shown whole: not cut off by the ellipsis of the label or the
 * side bar's edge (its right end is inside every clipping box around it).
 */
async function shownWhole(row: Locator, text: string): Promise<void> {
  const found = (await row.evaluate(textShown, text)) as { right: number; clip: number; row: string };
  if (found.right === 0) throw new Error(`"${text}" is not in the row "${found.row}"`);
  if (found.right > found.clip + 0.5) throw new Error(`"${text}" is cut off in "${found.row}": it ends at ${Math.round(found.right)} px, the row shows up to ${Math.round(found.clip)} px`);
}

async function main() {
  setup();
  const vsix = path.join(root, '.cache', 'handoff.vsix');
  process.stdout.write('packaging the extension…\n');
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-e2e-'));
  const extensionsDir = path.join(scratch, 'extensions');
  execFileSync(node24Bin, [codeServerEntry, '--extensions-dir', extensionsDir, '--install-extension', vsix], { stdio: 'ignore' });
  const workspace = path.join(scratch, 'sample');
  fs.cpSync(path.join(root, 'test', 'fixtures', 'sample'), workspace, { recursive: true });
  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(shots, { recursive: true });

  const server = await startCodeServer({ extensionsDir });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    currentPage = page;
    await page.goto(server.workbenchUrl({ folder: workspace }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    process.stdout.write('\nend-to-end (the .vsix in a real VS Code, in chromium)\n');

    await check('the .vsix is installed in the test host', async () => {
      const installed = fs.readdirSync(extensionsDir).filter((name) => name.startsWith('handoff.handoff-'));
      if (installed.length !== 1) throw new Error(`extensions dir holds: ${fs.readdirSync(extensionsDir).join(', ')}`);
    });

    await check('the Pipeline shows the stages with their accounts', async () => {
      await palette(page, 'Handoff: Focus on Pipeline View');
      // The chat side bar code-server opens on first start only takes room in the screenshots.
      await page.locator('.part.auxiliarybar .action-label.codicon-close').first().click({ timeout: 3_000 }).catch(() => undefined);
      const pipeline = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Pipeline' }) });
      const row = (text: string) => pipeline.locator('.monaco-list-row', { hasText: text }).first();
      await row('Prospecting').waitFor({ timeout: 20_000 });
      await row('Kopi Nusantara').waitFor();
      await page.screenshot({ path: path.join(shots, 'pipeline.png') });
      // Collapsed, every stage fits: the AE stages in order, then the AM stages, with their counts.
      await pipeline.locator('.pane-header').hover();
      await pipeline.locator('.action-label[aria-label="Collapse All"]').click();
      for (const stage of ['Negotiation', 'Closed won', 'Closed lost', 'Onboarding']) await row(stage).waitFor();
      await row('Closed won').click();
      await row('TokoPintar').waitFor();
    });

    await check('the palette offers Compare with Branch where git runs (the Node extension host)', async () => {
      await page.keyboard.press('Control+Shift+P');
      await page.locator('.quick-input-widget input').fill('>Handoff: Compare with Branch');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Compare with Branch' }).first().waitFor();
      await page.keyboard.press('Escape');
    });

    await check('at the default side bar width (300 px) the Pipeline and the Renewals lead with what needs doing, not cut off', async () => {
      await sideBarWidth(page, 300);
      const pipeline = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Pipeline' }) });
      // The headline above the tree: this quarter's forecast.
      await shownWhole(pipeline.locator('.tree-explorer-viewlet-tree-view-message, .message').first(), 'forecast');
      // A stage: its count and its sum.
      const stage = pipeline.locator('.monaco-list-row', { hasText: 'Closed won' }).first();
      const stageText = (await stage.locator('.label-description').first().textContent()) ?? '';
      if (!/^\d+ · /.test(stageText)) throw new Error(`the stage row says "${stageText}"`);
      await shownWhole(stage, stageText);
      // A won deal: its value and the day it was won, before the owner.
      const deal = pipeline.locator('.monaco-list-row', { hasText: 'Fjord Analytics' }).first();
      const dealText = (await deal.locator('.label-description').first().textContent()) ?? '';
      const valueAndDay = dealText.split(' · ').slice(0, 2).join(' · ');
      if (!/^EUR [\d.]+K · [A-Z][a-z]{2} \d{1,2}$/.test(valueAndDay)) throw new Error(`the deal row says "${dealText}"`);
      await shownWhole(deal, valueAndDay);
      // Renewals: the first customer row leads with its notice deadline (or that it has passed or ended).
      await palette(page, 'Handoff: Focus on Renewals View');
      const renewals = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Renewals' }) });
      const rows = renewals.locator('.monaco-list-row[aria-level="2"]');
      await rows.first().waitFor({ timeout: 20_000 });
      // The first rows on screen, whichever buckets they are in today: each shows its deadline whole.
      for (let index = 0; index < Math.min(4, await rows.count()); index++) {
        const row = rows.nth(index);
        const renewalText = (await row.locator('.label-description').first().textContent()) ?? '';
        const actionable = /^(notice in \d+ d · [^—·]+|passed \d+ d ago|notice due today|ended \d+ d ago|auto-renews [^—·]+)/.exec(renewalText)?.[0].trim();
        if (!actionable) throw new Error(`a renewal row says "${renewalText}"`);
        await shownWhole(row, actionable);
      }
      await page.locator('.part.sidebar').screenshot({ path: path.join(shots, 'sidebar.png') });
    });

    const from = path.join(workspace, 'accounts', 'ae', 'apac', 'tokopintar.md');
    const to = path.join(workspace, 'accounts', 'am', 'apac', 'tokopintar.md');
    await check('Hand Off to AM… from the command palette moves the won deal to the AM folder', async () => {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill('tokopintar.md');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'tokopintar.md' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: 'tokopintar.md' }).waitFor();
      await palette(page, 'Handoff: Hand Off to AM…');
      const input = page.locator('.quick-input-widget input');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'budi@example.com' }).first().waitFor();
      await input.fill('budi@example.com');
      await page.keyboard.press('Enter');
      // The rename lands first, the saved text a moment later.
      const note = to.replace(`${path.sep}am${path.sep}`, `${path.sep}handoffs${path.sep}`);
      const handedOff = () => fs.existsSync(to) && !fs.existsSync(from) && /\nstage: onboarding\n/.test(fs.readFileSync(to, 'utf8')) && fs.existsSync(note) && /\n  to: budi@example.com\n/.test(fs.readFileSync(note, 'utf8'));
      const deadline = Date.now() + 15_000;
      while (!handedOff()) {
        if (Date.now() > deadline) throw new Error(`not handed off: ${fs.existsSync(to) ? fs.readFileSync(to, 'utf8').slice(0, 300) : 'no file under accounts/am/apac/'}`);
        await page.waitForTimeout(100);
      }
    });

    await check('the handoff note opens to be filled in, and the renewal lens shows above contract_end in the handed-off file', async () => {
      await page.locator('.tab.active', { hasText: 'tokopintar.md' }).waitFor();
      await page.locator('.editor-instance .view-lines', { hasText: 'Handoff note' }).first().waitFor();
      // The account is a file of its own, still open in its tab (now under am/), beside its note's.
      await page.locator('.tab', { hasText: '/am/' }).filter({ hasText: 'tokopintar.md' }).first().click();
      await page.locator('.editor-instance .view-lines', { hasText: 'contract_end' }).first().waitFor();
      const lens = page.locator('.codelens-decoration', { hasText: 'ends Nov 30, 2027' }).first();
      for (let attempt = 1; ; attempt++) {
        await page.locator('.editor-instance .view-lines').first().click();
        await page.keyboard.press('Control+Home');
        try {
          await lens.waitFor({ timeout: 3_000 });
          break;
        } catch (error) {
          if (attempt === 6) throw error;
        }
      }
      await page.screenshot({ path: path.join(shots, 'handoff-and-lens.png') });
    });
  } finally {
    await browser.close();
    server.stop();
  }

  // The same .vsix with VS Code's display language set to Bahasa Indonesia: what ships carries its
  // translations (manifest and runtime), not only the development folder.
  const indonesian = await startCodeServer({ extensionsDir, locale: 'id' });
  const browserId = await launchChromium();
  try {
    const page = await browserId.newPage({ viewport: { width: 1400, height: 900 } });
    currentPage = page;
    const sample = path.join(scratch, 'sampel');
    fs.cpSync(path.join(root, 'test', 'fixtures', 'sample'), sample, { recursive: true });
    await page.goto(indonesian.workbenchUrl({ folder: sample }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

    await check('in Bahasa Indonesia, the palette and the Pipeline speak it', async () => {
      await palette(page, 'Handoff: Serahkan ke AM…').then(() => page.keyboard.press('Escape'));
      await palette(page, 'Handoff: Focus on Pipeline View');
      await page.locator('.part.auxiliarybar .action-label.codicon-close').first().click({ timeout: 3_000 }).catch(() => undefined);
      const pipeline = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Pipeline' }) });
      // The default stages by their Indonesian names, amounts as an Indonesian reader reads them ("rb": thousand).
      await pipeline.locator('.monaco-list-row', { hasText: 'Prospek' }).filter({ hasText: 'rb' }).first().waitFor({ timeout: 20_000 });
      await page.locator('.pane-header', { hasText: 'Perpanjangan' }).first().waitFor();
      await page.locator('.pane-header', { hasText: 'Akun Kunci' }).first().waitFor();
      await page.locator('.part.sidebar').screenshot({ path: path.join(shots, 'pipeline-id.png') });
    });
  } finally {
    await browserId.close();
    indonesian.stop();
  }

  // The browser entry alone: the installed .vsix, made browser-only (its manifest without `main`), which
  // code-server can then run only in its web worker extension host, the host of vscode.dev and github.dev.
  const webExtension = path.join(scratch, 'web-extension');
  const installed = fs.readdirSync(extensionsDir).find((name) => name.startsWith('handoff.handoff-'));
  let web: { workbenchUrl(options: object): string; stop(): void } | undefined;
  let browserWeb: { newPage(options: object): Promise<Page>; close(): Promise<void> } | undefined;
  try {
    if (!installed) throw new Error('the .vsix is not installed');
    fs.cpSync(path.join(extensionsDir, installed), webExtension, { recursive: true });
    browserOnly(webExtension);
    const server = (web = await startCodeServer());
    const browser = (browserWeb = await launchChromium());
    const page: Page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    currentPage = page;
    const sample = path.join(scratch, 'web-sample');
    fs.cpSync(path.join(root, 'test', 'fixtures', 'sample'), sample, { recursive: true });
    await page.goto(server.workbenchUrl({ folder: sample, extensionDevelopmentPaths: [webExtension] }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

    await check('in the browser (the web worker extension host) the Pipeline shows the accounts, and Compare with Branch, which needs git, is not offered', async () => {
      await palette(page, 'Handoff: Focus on Pipeline View');
      await page.locator('.part.auxiliarybar .action-label.codicon-close').first().click({ timeout: 3_000 }).catch(() => undefined);
      const pipeline = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Pipeline' }) });
      const row = (text: string) => pipeline.locator('.monaco-list-row', { hasText: text }).first();
      await row('Prospecting').waitFor({ timeout: 30_000 });
      await row('Kopi Nusantara').waitFor();
      await shownWhole(pipeline.locator('.tree-explorer-viewlet-tree-view-message, .message').first(), 'forecast');
      await page.locator('.pane-header', { hasText: 'Renewals' }).first().waitFor();
      // For the README: a customer whose notice is due soon open beside the views, its renewal lens shown, the chat side bar hidden.
      if (await page.locator('.part.auxiliarybar').isVisible()) await page.keyboard.press('Control+Alt+B');
      await page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Renewals' }) }).locator('.monaco-list-row', { hasText: 'Bank Cendana' }).first().click();
      await page.locator('.tab.active', { hasText: 'bank-cendana.md' }).waitFor().catch(() => undefined);
      await page.locator('.codelens-decoration', { hasText: 'notice in' }).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
      await page.screenshot({ path: path.join(shots, 'web-pipeline.png') });
      // The palette offers Handoff's other commands, not this one.
      await page.keyboard.press('Control+Shift+P');
      const input = page.locator('.quick-input-widget input');
      const rows = page.locator('.quick-input-list .monaco-list-row');
      await input.fill('>Handoff: Export Report as CSV');
      await rows.filter({ hasText: 'Export Report as CSV' }).first().waitFor();
      await input.fill('>Handoff: Compare with Branch');
      // The list has followed the new text once the row it showed is gone.
      await rows.filter({ hasText: 'Export Report as CSV' }).first().waitFor({ state: 'detached' });
      const offered = await rows.allTextContents();
      await page.keyboard.press('Escape');
      if (offered.some((text) => text.includes('Compare with Branch'))) throw new Error(`the palette offers Compare with Branch: ${offered.join(' | ')}`);
    });
  } catch (error) {
    await check('the browser-only package starts in the web worker extension host', () => Promise.reject(error));
  } finally {
    await browserWeb?.close();
    web?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  if (process.argv.includes('--update-screenshots') && results.failed === 0) {
    for (const name of fs.readdirSync(shots)) fs.copyFileSync(path.join(shots, name), path.join(root, 'media', `e2e-${name}`));
  }
  if (process.env.HANDOFF_TEST_RESULTS) fs.writeFileSync(process.env.HANDOFF_TEST_RESULTS, JSON.stringify(results));
  process.stdout.write(`\n${results.passed} passed, ${results.failed} failed\n`);
  process.exitCode = results.failed > 0 ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  if (process.env.HANDOFF_TEST_RESULTS) fs.writeFileSync(process.env.HANDOFF_TEST_RESULTS, JSON.stringify({ ...results, failed: results.failed + 1, failures: [...results.failures, `the check stopped: ${String(error?.message ?? error).split('\n')[0]}`] }));
  process.stdout.write(`${results.passed} passed, ${results.failed + 1} failed\n`);
  process.exitCode = 1;
});
