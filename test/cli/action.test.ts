// The GitHub Action (action.yml) run as a runner runs a composite action: each step's `run:` script
// in bash, with the step's `env:` (its `${{ }}` expressions evaluated), the variables a runner sets
// and the step's `if:`, in a pull request's checkout: a real git repository whose base branch is
// on a remote. The action's own folder is a copy of this project, so the build step builds there.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { handoff, root, sampleCopy } from './handoffProcess';

interface Step {
  name: string;
  id?: string;
  if?: string;
  shell: string;
  env?: Record<string, string>;
  run: string;
}

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

interface StepResult {
  name: string;
  ran: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
}

const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as Action;

/** The action as a runner checks it out into GITHUB_ACTION_PATH: the project's sources, node_modules linked (so the install is skipped). */
function actionCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-action-'));
  for (const file of ['action.yml', 'esbuild.js', 'package.json', 'package-lock.json', 'tsconfig.json']) fs.copyFileSync(path.join(root, file), path.join(dir, file));
  fs.cpSync(path.join(root, 'src'), path.join(dir, 'src'), { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // An `npm` that fails: had the install step not seen node_modules, it would say so at once.
  const bin = path.join(dir, '.test-bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'npm'), '#!/bin/sh\necho "npm must not run: node_modules is there" >&2\nexit 99\n', { mode: 0o755 });
  return dir;
}

/**
 * A pull request's checkout: the sample committed on `main` and pushed to a bare `origin`, then a
 * branch with a handoff (TokoPintar), a broken account (`stage: nope`) and an account with a hostile
 * file name and name. Like actions/checkout's single commit, the clone has no `origin/main` left.
 */
function pullRequest(): string {
  const origin = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-origin-'));
  const dir = sampleCopy();
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', ...args], { cwd, stdio: 'pipe' });
  git(origin, 'init', '-q', '--bare', '-b', 'main');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'The team today');
  git(dir, 'remote', 'add', 'origin', origin);
  git(dir, 'push', '-q', 'origin', 'main');
  git(dir, 'checkout', '-qb', 'week-47');
  assert.equal(handoff(['handoff', 'accounts/ae/apac/tokopintar.md', '--to', 'budi@example.com', '--today', '2026-11-22', '--dir', dir]).code, 0);
  const baltic = path.join(dir, 'accounts/ae/emea/baltic-freight.md');
  fs.writeFileSync(baltic, fs.readFileSync(baltic, 'utf8').replace(/^stage: .*$/m, 'stage: nope'));
  fs.writeFileSync(path.join(dir, HOSTILE_FILE), `---\nname: ${JSON.stringify(HOSTILE_NAME)}\nstage: prospecting\nclose_date: 2026-02-30\n---\n`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'Week 47');
  git(dir, 'update-ref', '-d', 'refs/remotes/origin/main');
  return dir;
}

const HOSTILE_FILE = 'accounts/ae/apac/evil | <script>, y: z %0A.md';
const HOSTILE_NAME = 'Evil <img src=x onerror=alert(1)> | *Corp* @budi\n::error::forged';

/** `${{ expression }}` in a step's `env:` and `if:`: only the expressions action.yml uses; any other fails the test. */
function evaluate(expression: string, context: { inputs: Record<string, string>; github: Record<string, string>; outcomes: Map<string, string> }): string {
  const value = (term: string): string => {
    let match: RegExpExecArray | null;
    if ((match = /^inputs\.([\w-]+)$/.exec(term))) {
      assert.ok(match[1] in action.inputs, `no input ${match[1]}`);
      return context.inputs[match[1]] ?? action.inputs[match[1]].default ?? '';
    }
    if ((match = /^github\.(\w+)$/.exec(term)) && match[1] in context.github) return context.github[match[1]];
    if (term === '!cancelled()' || term === 'always()') return 'true';
    if (term === 'success()') return [...context.outcomes.values()].every((outcome) => outcome === 'success') ? 'true' : 'false';
    if ((match = /^steps\.([\w-]+)\.outcome == '(\w+)'$/.exec(term))) return String(context.outcomes.get(match[1]) === match[2]);
    if (/ && /.test(term)) return String(term.split(' && ').every((part) => value(part.trim()) === 'true'));
    assert.fail(`action.yml uses an expression the test does not know: ${term}`);
  };
  return expression.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_m, term: string) => value(term));
}

/** Runs action.yml's steps in `workspace` as a runner would; `inputs` as a workflow's `with:`. */
function runAction(workspace: string, actionPath: string, inputs: Record<string, string>, runner: Record<string, string>) {
  const summary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-runner-')), 'step_summary.md');
  fs.writeFileSync(summary, '');
  const github = { action_path: actionPath, workspace, base_ref: runner.GITHUB_BASE_REF ?? '' };
  const outcomes = new Map<string, string>();
  const results: StepResult[] = [];
  // The runner's variables replace the ones of the machine the tests run on (a CI runner has its own).
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GITHUB_')));
  for (const [i, step] of action.runs.steps.entries()) {
    const id = step.id ?? `step-${i}`;
    assert.equal(step.shell, 'bash', `${step.name}: shell`);
    assert.doesNotMatch(step.run, /\$\{\{/, `${step.name}: no expression inside a script (GitHub's hardening guide)`);
    const condition = step.if === undefined ? 'true' : evaluate(step.if.includes('${{') ? step.if : `\${{ ${step.if} }}`, { inputs, github, outcomes });
    if (condition !== 'true') {
      outcomes.set(id, 'skipped');
      results.push({ name: step.name, ran: false, code: null, stdout: '', stderr: '' });
      continue;
    }
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, evaluate(String(value), { inputs, github, outcomes })]));
    assert.doesNotMatch(JSON.stringify(env), /\$\{\{/);
    const script = path.join(path.dirname(summary), `step-${i}.sh`);
    fs.writeFileSync(script, step.run);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: workspace,
      encoding: 'utf8',
      env: {
        ...base,
        PATH: `${path.join(actionPath, '.test-bin')}${path.delimiter}${process.env.PATH}`,
        GITHUB_ACTIONS: 'true',
        GITHUB_ACTION_PATH: actionPath,
        GITHUB_WORKSPACE: workspace,
        GITHUB_STEP_SUMMARY: summary,
        ...runner,
        ...env,
      },
    });
    outcomes.set(id, result.status === 0 ? 'success' : 'failure');
    results.push({ name: step.name, ran: true, code: result.status, stdout: result.stdout, stderr: result.stderr });
  }
  return { steps: results, summary: fs.readFileSync(summary, 'utf8'), failed: [...outcomes.values()].includes('failure') };
}

describe('the GitHub Action (action.yml)', function () {
  this.timeout(60_000);
  const actionPath = actionCopy();

  it('is a composite action with the inputs dir, base and today', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['base', 'dir', 'today']);
    assert.equal(action.inputs.dir.default, '.');
  });

  it('on a pull request: builds the CLI, annotates the broken accounts, fails the job and still writes the review', () => {
    const workspace = pullRequest();
    const run = runAction(workspace, actionPath, { today: '2026-11-22' }, { GITHUB_BASE_REF: 'main', GITHUB_EVENT_NAME: 'pull_request' });
    const [build, check, review] = run.steps;

    assert.equal(build.code, 0, build.stderr);
    assert.ok(fs.existsSync(path.join(actionPath, 'dist', 'cli.js')) && fs.existsSync(path.join(actionPath, 'dist', 'accountWorker.js')), 'the CLI built in the action’s folder');
    assert.ok(!fs.existsSync(path.join(actionPath, 'dist', 'extension.js')), 'the CLI alone');

    assert.equal(check.code, 1, check.stderr);
    const annotations = check.stdout.split('\n').filter((line) => line !== '');
    assert.ok(annotations.every((line) => /^::(error|warning|notice) file=accounts\/[^,\n]*,line=\d+,col=\d+,title=[a-z-]+::/.test(line)), check.stdout);
    assert.deepEqual(annotations.slice(0, 2), [
      "::error file=accounts/ae/apac/evil | <script>%2C y%3A z %250A.md,line=4,col=13,title=invalid-date::'close_date' must be a real calendar day written YYYY-MM-DD, such as 2026-12-15; '2026-02-30' is not",
      "::error file=accounts/ae/emea/baltic-freight.md,line=3,col=8,title=unknown-stage::stage 'nope' is not a stage of this team; AE stages are: prospecting, qualification, demo, proposal, negotiation, closed_won, closed_lost",
    ]);
    assert.deepEqual(annotations.slice(2).map((line) => line.split(' ')[0]), [...Array(9).fill('::warning'), ...Array(6).fill('::notice')]);
    assert.ok(annotations.some((line) => line.startsWith('::warning file=accounts/handoffs/apac/tokopintar.md,line=') && line.includes('title=handoff-note-empty::')), 'the empty handoff note, on the note');
    assert.match(check.stderr, /^Checked 33 account files: 2 errors, \d+ warnings, \d+ notes\.\n$/);

    assert.ok(review.ran, 'the review runs after a failed check');
    assert.equal(review.code, 0, review.stderr);
    assert.match(review.stdout, /^::stop-commands::([0-9a-f-]{36})\n### Handoff review: origin\/main → HEAD\n[^]*\n::\1::\n$/);
    assert.equal(run.failed, true, 'the job fails: check found errors');
    execFileSync('git', ['rev-parse', '--verify', 'origin/main'], { cwd: workspace, stdio: 'pipe' });

    assert.match(run.summary, /^### Handoff check: 2 errors, \d+ warnings, \d+ notes\n/);
    assert.match(run.summary, /^\| accounts\/ae\/emea\/baltic-freight\.md:3 \| error \| `unknown-stage` \| stage 'nope' is not a stage of this team/m);
    assert.match(run.summary, /^\| accounts\/ae\/apac\/evil \\\| &lt;script&gt;, y: z %0A\.md:4 \| error \| `invalid-date` \|/m, 'the hostile file name escaped in its cell');
    assert.match(run.summary, /^### Handoff review: origin\/main → HEAD\n\n\*\*1 handoff, 1 stage move, 1 new account, 0 removed accounts\*\*\n/m);
    assert.match(run.summary, /^- \*\*TokoPintar\*\* AE → AM: `accounts\/ae\/apac\/tokopintar\.md` → `accounts\/am\/apac\/tokopintar\.md`\n {2}- note: `accounts\/handoffs\/apac\/tokopintar\.md` — 6 empty: Stakeholders, /m);
    assert.match(run.summary, /^- \*\*Evil &lt;img src=x onerror=alert\(1\)&gt; \\\| \\\*Corp\\\* @\u2060budi\\\\n::error::forged\*\* /m, 'the hostile name escaped in the review');
    assert.doesNotMatch(run.summary.replace(/`[^`\n]*`/g, ''), /<img|<script/, 'no HTML outside code spans');
    assert.ok(run.summary.indexOf('### Handoff check') < run.summary.indexOf('### Handoff review'));
  });

  it('on a push, without a base, checks and says why there is no review', () => {
    const workspace = pullRequest();
    execFileSync('git', ['checkout', '-q', 'main'], { cwd: workspace, stdio: 'pipe' });
    const run = runAction(workspace, actionPath, { dir: '.', today: '2026-11-22' }, { GITHUB_EVENT_NAME: 'push' });
    const [build, check, review] = run.steps;
    assert.equal(build.code, 0, build.stderr);
    assert.equal(check.code, 0, check.stderr);
    assert.equal(review.code, 0, review.stderr);
    assert.match(review.stdout, /^::notice title=Handoff::No review: not a pull request; set the input 'base' to compare with a revision\.\n$/);
    assert.equal(run.failed, false);
    assert.match(run.summary, /^### Handoff check: 8 warnings, 6 notes\n/);
  });

  it('on a pull request in a repository with no origin, compares with the local base branch and says so', () => {
    const workspace = pullRequest();
    execFileSync('git', ['remote', 'remove', 'origin'], { cwd: workspace, stdio: 'pipe' });
    const run = runAction(workspace, actionPath, { dir: '.', today: '2026-11-22' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main' });
    const review = run.steps[2];
    assert.equal(review.code, 0, review.stderr);
    assert.match(review.stdout, /^::warning title=Handoff::Could not fetch main from origin; comparing with the local branch main\.\n::stop-commands::/);
    assert.match(run.summary, /^### Handoff review: main → HEAD\n\n\*\*1 handoff, /m);
  });

  it('compares with the input base when one is given, and reads a workspace in a folder', () => {
    const repository = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-repo-'));
    const workspace = pullRequest();
    fs.renameSync(workspace, path.join(repository, 'team'));
    const run = runAction(repository, actionPath, { dir: 'team', base: 'main', today: '2026-11-22' }, { GITHUB_EVENT_NAME: 'push' });
    const [, check, review] = run.steps;
    assert.match(check.stdout, /^::error file=team\/accounts\/ae\/emea\/baltic-freight\.md,line=3,/m);
    assert.equal(review.code, 0, review.stderr);
    assert.match(run.summary, /^### Handoff review: main → HEAD\n/m);
  });
});
