// `check --format github` and `diff --format github` against GitHub's documented syntax of workflow
// commands ("Workflow commands for GitHub Actions"; the toolkit's escapeData and escapeProperty).
import * as assert from 'node:assert/strict';
import type { Problem, Severity } from '../../src/core/model/problem';
import { checkToStepSummary, problemToWorkflowCommand, withoutWorkflowCommands } from '../../src/core/output/githubFormats';
import { hostile, random, renderMarkdown, shown, tagsOf, textOf } from './hostileText';

function problem(file: string, message: string, severity: Severity = 'error', line = 3): Problem {
  return { file, line, column: 8, endLine: line, endColumn: 12, severity, code: 'unknown-stage', message };
}

/**
 * A line as the runner reads it (ActionCommand's v2 syntax): `::name props::data`, the properties
 * split at `,`, each `key=value`, then unescaped. Undefined when the line is no command.
 */
function parseCommand(line: string) {
  const match = /^::([^ :]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!match) return undefined;
  const unescape = (text: string) => text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter((p) => p !== '')) {
    const at = pair.indexOf('=');
    properties[pair.slice(0, at)] = unescape(pair.slice(at + 1));
  }
  return { name: match[1], properties, data: unescape(match[3]) };
}

describe('GitHub workflow commands (check --format github)', () => {
  it('writes one annotation per problem, on its file, line and column, titled with its code', () => {
    assert.equal(problemToWorkflowCommand(problem('accounts/ae/acme.md', "unknown stage 'nope'")), "::error file=accounts/ae/acme.md,line=3,col=8,title=unknown-stage::unknown stage 'nope'");
  });

  it('maps the severities to ::error, ::warning and ::notice', () => {
    const names = (['error', 'warning', 'info'] as const).map((severity) => parseCommand(problemToWorkflowCommand(problem('a.md', 'm', severity)))?.name);
    assert.deepEqual(names, ['error', 'warning', 'notice']);
  });

  it('escapes %, CR and LF in the message, and also : and , in a property (a file name with a comma and a colon)', () => {
    const line = problemToWorkflowCommand(problem('accounts/ae/a,b:c%d.md', 'ends 100% sure: ok, really'));
    assert.equal(line, '::error file=accounts/ae/a%2Cb%3Ac%25d.md,line=3,col=8,title=unknown-stage::ends 100%25 sure: ok, really');
    const file = 'accounts/ae/x\r\ny.md';
    assert.match(problemToWorkflowCommand(problem(file, 'm')), /^::error file=accounts\/ae\/x%0D%0Ay\.md,line=3,/);
    assert.deepEqual(parseCommand(problemToWorkflowCommand(problem(file, 'm')))?.properties.file, file, 'the runner reads back the exact file name');
  });

  it('keeps a hostile message on its line: it cannot start a command or add a property', () => {
    const message = "bad\n::error file=.github/workflows/x.yml,line=1::forged\r\n::add-mask::x\n::stop-commands::t";
    const line = problemToWorkflowCommand(problem('accounts/ae/evil.md', message, 'warning'));
    assert.doesNotMatch(line, /[\r\n]/);
    const parsed = parseCommand(line)!;
    assert.equal(parsed.name, 'warning');
    assert.deepEqual(parsed.properties, { file: 'accounts/ae/evil.md', line: '3', col: '8', title: 'unknown-stage' });
    assert.equal(parsed.data, shown(message), 'what the annotation says: the message, its controls as visible escapes');
  });

  it('round-trips random hostile file names and messages through the runner’s parser', () => {
    const rnd = random(47);
    for (let i = 0; i < 500; i++) {
      const file = `accounts/ae/${hostile(rnd)}.md`;
      const message = hostile(rnd);
      const line = problemToWorkflowCommand(problem(file, message, 'info'));
      assert.doesNotMatch(line, /[\r\n]/, `seed 47, #${i}`);
      const parsed = parseCommand(line);
      assert.deepEqual(parsed?.properties.file, file, `seed 47, #${i}: ${JSON.stringify(line)}`);
      assert.deepEqual(parsed?.data, shown(message), `seed 47, #${i}: ${JSON.stringify(line)}`);
    }
  });
});

describe('withoutWorkflowCommands (diff --format github)', () => {
  it('prints the text between ::stop-commands::TOKEN and ::TOKEN::', () => {
    const review = '### Handoff review\n::error::forged\n';
    assert.equal(withoutWorkflowCommands(review, 'f00d'), '::stop-commands::f00d\n### Handoff review\n::error::forged\n::f00d::\n');
    assert.equal(withoutWorkflowCommands('no newline', 'f00d'), '::stop-commands::f00d\nno newline\n::f00d::\n');
  });
});

describe('the step summary of check --format github', () => {
  it('counts the problems, and says when there are none', () => {
    assert.equal(checkToStepSummary(1, []), '### Handoff check: no problems\n\n1 account file checked.\n');
    const summary = checkToStepSummary(24, [problem('a.md', 'x'), problem('b.md', 'y', 'warning'), problem('c.md', 'z', 'warning'), problem('d.md', 'w', 'info')]);
    assert.match(summary, /^### Handoff check: 1 error, 2 warnings, 1 note\n\n24 account files checked\.\n/);
    assert.doesNotMatch(summary, /GitHub shows/);
  });

  it('lists every problem, errors first, and says how many annotations GitHub leaves out (10 of each kind a step)', () => {
    const problems = [
      ...Array.from({ length: 23 }, (_, i) => problem(`accounts/ae/w${String(i).padStart(2, '0')}.md`, `warning ${i}`, 'warning')),
      ...Array.from({ length: 10 }, (_, i) => problem(`accounts/ae/n${i}.md`, `note ${i}`, 'info')),
      problem('accounts/ae/zz.md', 'the error'),
    ];
    const summary = checkToStepSummary(34, problems);
    assert.match(summary, /GitHub shows 10 of the 23 warnings as annotations; all are listed here\./);
    assert.doesNotMatch(summary, /of the 10 notes|of the 1 error/, 'ten notes are all shown');
    const rows = summary.split('\n').filter((line) => /^\| accounts/.test(line));
    assert.equal(rows.length, 34);
    assert.equal(rows[0], '| accounts/ae/zz.md:3 | error | `unknown-stage` | the error |');
    assert.match(rows[1], /^\| accounts\/ae\/w00\.md:3 \| warning \|/);
    assert.match(rows[33], /^\| accounts\/ae\/n9\.md:3 \| note \|/);
    const html = renderMarkdown(summary);
    assert.equal(tagsOf(html).filter((tag) => tag === '<tr').length, 35, 'one table: a header row and a row per problem');
  });

  it('escapes hostile file names and messages: one row each, shown as written', () => {
    const file = 'accounts/ae/a | b <img src=x onerror=alert(1)> *x*.md';
    const message = 'stage \'nope\n| forged | row |\'\n### heading @budi';
    const html = renderMarkdown(checkToStepSummary(1, [problem(file, message)]));
    assert.deepEqual(tagsOf(html).filter((tag) => !tag.startsWith('</')), ['<h3', '<p', '<table', '<thead', '<tr', '<th', '<th', '<th', '<th', '<tbody', '<tr', '<td', '<td', '<td', '<code', '<td']);
    const text = textOf(html).replace(/\u2060/g, '');
    assert.ok(text.includes(`${file}:3`), text);
    assert.ok(text.includes(shown(message)), text);
  });
});
