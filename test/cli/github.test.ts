// `check --format github` and `diff --format github` as a GitHub Actions step runs them: the
// workflow commands on stdout, the Markdown appended to the file GITHUB_STEP_SUMMARY names.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { handoff, sample, sampleRepository, tempWorkspace } from './handoffProcess';

/** No GitHub Actions variable of the machine the tests run on (a CI runner has them) unless given. */
const outsideActions = { GITHUB_STEP_SUMMARY: undefined, GITHUB_WORKSPACE: undefined };

function summaryFile(text = ''): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-summary-')), 'step_summary.md');
  fs.writeFileSync(file, text);
  return file;
}

describe('handoff check --format github', () => {
  const broken = () =>
    tempWorkspace({
      'accounts/ae/acme.md': '---\nname: Acme\nstage: negotiatoin\n---\n',
      'accounts/am/globex.md': '---\nname: Globex\nstage: active\ncontract_end: 2026-12-01\n---\n',
    });

  it('prints an annotation per problem, errors first, and exits 1 on an error', () => {
    const result = handoff(['check', '--dir', broken(), '--format', 'github', '--today', '2026-11-22'], { env: outsideActions });
    assert.equal(result.code, 1, result.stderr);
    const lines = result.stdout.split('\n').filter((line) => line !== '');
    assert.equal(lines[0], "::error file=accounts/ae/acme.md,line=3,col=8,title=unknown-stage::stage 'negotiatoin' is not a stage of this team; did you mean 'negotiation'?");
    assert.match(lines[1], /^::warning file=accounts\/am\/globex\.md,line=4,col=\d+,title=renewal-[a-z-]+::/);
    assert.equal(result.stderr, 'Checked 2 account files: 1 error, 1 warning.\n');
  });

  it('exits 0 when there are only warnings and notes (the sample), each a ::warning or ::notice', () => {
    const result = handoff(['check', '--dir', sample, '--format', 'github', '--today', '2026-11-22'], { env: outsideActions });
    assert.equal(result.code, 0, result.stderr);
    const kinds = result.stdout.split('\n').filter((line) => line !== '').map((line) => /^::(\w+) /.exec(line)?.[1]);
    assert.deepEqual(kinds, [...Array(8).fill('warning'), ...Array(6).fill('notice')]);
  });

  it('appends the summary to GITHUB_STEP_SUMMARY, after what other steps wrote; without it writes no file', () => {
    const file = summaryFile('## An earlier step\n');
    const env = { ...outsideActions, GITHUB_STEP_SUMMARY: file };
    assert.equal(handoff(['check', '--dir', broken(), '--format', 'github', '--today', '2026-11-22'], { env }).code, 1);
    const summary = fs.readFileSync(file, 'utf8');
    assert.match(summary, /^## An earlier step\n### Handoff check: 1 error, 1 warning\n\n2 account files checked\.\n\n\| File \| Severity \| Code \| Message \|\n/);
    assert.match(summary, /^\| accounts\/ae\/acme\.md:3 \| error \| `unknown-stage` \| stage 'negotiatoin' is not a stage of this team; did you mean 'negotiation'\? \|$/m);
    assert.equal(handoff(['check', '--dir', sample, '--format', 'github', '--today', '2026-11-22'], { env }).code, 0);
    assert.match(fs.readFileSync(file, 'utf8'), /^### Handoff check: 8 warnings, 6 notes\n\n32 account files checked\.\n/m, 'a second run appends');
    assert.ok(fs.readFileSync(file, 'utf8').startsWith(summary));

    const dir = broken();
    assert.equal(handoff(['check', '--dir', dir, '--format', 'github'], { env: outsideActions, cwd: dir }).code, 1);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['accounts']);
  });

  it('names files from the repository root (GITHUB_WORKSPACE) when the workspace is a folder of it', () => {
    const repository = tempWorkspace({ 'sales/team-a/accounts/ae/acme.md': '---\nname: Acme\nstage: nope\n---\n' });
    const result = handoff(['check', '--dir', path.join(repository, 'sales', 'team-a'), '--format', 'github'], { env: { ...outsideActions, GITHUB_WORKSPACE: repository } });
    assert.match(result.stdout, /^::error file=sales\/team-a\/accounts\/ae\/acme\.md,line=3,/);
  });

  it('keeps a hostile file name and value to one command each: nothing forged', () => {
    const name = 'a,b:c%25 ::error file=x::y\n::add-mask::z.md';
    const dir = tempWorkspace({ [`accounts/ae/${name}`]: '---\nname: Evil\nstage: "nope\\n::error file=.github/x.yml::forged\\r\\n%0A::warning::w"\n---\n' });
    const result = handoff(['check', '--dir', dir, '--format', 'github'], { env: outsideActions });
    assert.equal(result.code, 1);
    const lines = result.stdout.split('\n').filter((line) => line !== '');
    assert.equal(lines.length, 1, result.stdout);
    assert.ok(lines[0].startsWith('::error file=accounts/ae/a%2Cb%3Ac%2525 %3A%3Aerror file=x%3A%3Ay%0A%3A%3Aadd-mask%3A%3Az.md,line=3,col=8,title=unknown-stage::'), lines[0]);
    assert.match(lines[0], /::stage 'nope\\n::error file=\.github\/x\.yml::forged\\r\\n%250A::warning::w' is not a stage/);
  });

  it('is in the help of check and diff', () => {
    assert.match(handoff(['check', '--help']).stdout, /^Usage: handoff check \[--format text\|json\|github\]/);
    assert.match(handoff(['diff', '--help']).stdout, /^  --format text\|md\|json\|github\n {24}md for a pull request, json for programs, github for GitHub Actions$/m);
  });

  it('is refused by the commands that have no github format (exit 2)', () => {
    assert.equal(handoff(['list', '--dir', sample, '--format', 'github']).code, 2);
    assert.equal(handoff(['report', '--dir', sample, '--format', 'github']).code, 2);
  });
});

describe('handoff diff --format github', () => {
  function repository(): string {
    return sampleRepository((dir) => {
      assert.equal(handoff(['handoff', 'accounts/ae/apac/tokopintar.md', '--to', 'budi@example.com', '--today', '2026-11-22', '--dir', dir]).code, 0);
      fs.writeFileSync(path.join(dir, 'accounts/ae/apac/forged.md'), '---\nname: "x\\n::error::forged"\nstage: prospecting\n---\n');
    });
  }
  const dir = repository();

  it('prints the review with workflow commands stopped, a new token each run', () => {
    const tokens = [1, 2].map(() => {
      const result = handoff(['diff', 'main', 'week-47', '--dir', dir, '--format', 'github'], { env: outsideActions });
      assert.equal(result.code, 0, result.stderr);
      const match = /^::stop-commands::([0-9a-f-]{36})\n(### Handoff review: main → week-47\n[^]*)::\1::\n$/.exec(result.stdout);
      assert.ok(match, result.stdout);
      const markdown = handoff(['diff', 'main', 'week-47', '--dir', dir, '--format', 'md']).stdout;
      assert.equal(match[2], markdown);
      return match[1];
    });
    assert.notEqual(tokens[0], tokens[1]);
  });

  it('appends the review to GITHUB_STEP_SUMMARY', () => {
    const file = summaryFile('### Handoff check: no problems\n\n');
    const result = handoff(['diff', 'main', 'week-47', '--dir', dir, '--format', 'github'], { env: { ...outsideActions, GITHUB_STEP_SUMMARY: file } });
    assert.equal(result.code, 0, result.stderr);
    const summary = fs.readFileSync(file, 'utf8');
    assert.match(summary, /^### Handoff check: no problems\n\n### Handoff review: main → week-47\n/);
    assert.match(summary, /- \*\*TokoPintar\*\* AE → AM: `accounts\/ae\/apac\/tokopintar.md` → `accounts\/am\/apac\/tokopintar.md`/);
    assert.match(summary, /- \*\*x\\\\n::error::forged\*\* \(Prospecting\)/);
  });
});
