// `node esbuild.js --tests && node out/test/e2e/reviewSummaryShot.js`: the picture of the job summary
// in the README (media/review-summary.png). A pull request on the sample — TokoPintar handed off, a
// stage move, a new account, a misspelt stage — checked and reviewed as the GitHub Action does
// (`check` and `diff --format github`, GITHUB_STEP_SUMMARY set), the summary rendered with
// markdown-it in a page styled like GitHub's, and shot in chromium. Not part of `npm test`.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
/* eslint-disable @typescript-eslint/no-require-imports -- the test host's helper is plain JavaScript where it lies; markdown-it comes untyped */
const { launchChromium } = require(path.join(root, 'test', 'host', 'codeServer.js'));
const markdownIt = require('markdown-it') as (options: object) => { render(markdown: string): string };
/* eslint-enable @typescript-eslint/no-require-imports */

const cli = path.join(root, 'dist', 'cli.js');
const today = '2026-11-22';

function handoff(args: string[], env: NodeJS.ProcessEnv = {}): number | null {
  return spawnSync(process.execPath, [cli, ...args], { stdio: 'ignore', env: { ...process.env, ...env } }).status;
}

/** The summary file of the Action's run on a pull request of the sample. */
function stepSummary(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-shot-'));
  fs.cpSync(path.join(root, 'test', 'fixtures', 'sample'), dir, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=shot@example.com', '-c', 'user.name=Shot', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'The team today');
  git('checkout', '-qb', 'week-47');
  handoff(['handoff', 'accounts/ae/apac/tokopintar.md', '--to', 'budi@example.com', '--today', today, '--dir', dir]);
  handoff(['move', 'accounts/ae/emea/baltic-freight.md', 'proposal', '--dir', dir]);
  fs.writeFileSync(path.join(dir, 'accounts/ae/apac/kopi-kenangan.md'), '---\nname: Kopi Kenangan\nstage: prospecting\narr: 120000\ncurrency: USD\n---\n');
  const acme = path.join(dir, 'accounts/ae/apac/acme-corp.md');
  fs.writeFileSync(acme, fs.readFileSync(acme, 'utf8').replace(/^stage: .*$/m, 'stage: negotiatoin'));
  git('add', '-A');
  git('commit', '-qm', 'Week 47');
  const summary = path.join(dir, '.git', 'step_summary.md');
  fs.writeFileSync(summary, '');
  const env = { GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: dir };
  handoff(['check', '--format', 'github', '--today', today, '--dir', dir], env);
  handoff(['diff', 'main', 'HEAD', '--format', 'github', '--dir', dir], env);
  return fs.readFileSync(summary, 'utf8');
}

const STYLE = `
  body { margin: 0; padding: 24px; background: #f6f8fa; color: #1f2328;
    font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
  .box { max-width: 860px; background: #fff; border: 1px solid #d0d7de; border-radius: 6px; }
  .title { padding: 12px 16px; border-bottom: 1px solid #d0d7de; font-weight: 600; }
  .body { padding: 4px 24px 8px; }
  h3 { font-size: 1.25em; margin: 20px 0 12px; padding-bottom: 0; }
  h4 { font-size: 1em; margin: 20px 0 8px; }
  p, ul, table { margin: 0 0 14px; }
  ul { padding-left: 2em; }
  table { border-collapse: collapse; font-size: 13px; }
  th, td { border: 1px solid #d0d7de; padding: 4px 10px; text-align: left; }
  th { font-weight: 600; }
  tr:nth-child(2n) td { background: #f6f8fa; }
  code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: rgba(175, 184, 193, 0.2); padding: 0.2em 0.4em; border-radius: 6px; }
`;

async function main() {
  // GitHub renders a summary without raw HTML; so does markdown-it with html off.
  const html = markdownIt({ html: false, linkify: false }).render(stepSummary());
  const page = `<!doctype html><meta charset="utf-8"><style>${STYLE}</style><div class="box"><div class="title">handoff summary</div><div class="body">${html}</div></div>`;
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage({ viewport: { width: 910, height: 400 }, deviceScaleFactor: 1 });
    await tab.setContent(page);
    const out = path.join(root, 'media', 'review-summary.png');
    await tab.locator('.box').screenshot({ path: out });
    process.stdout.write(`${path.relative(root, out)}: ${Math.round(fs.statSync(out).size / 1024)} KB\n`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
