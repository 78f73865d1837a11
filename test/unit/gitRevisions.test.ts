// Reading account files from git (src/node/git.ts, gitRevisions.ts, scratchTree.ts) on real
// repositories: the bytes as they are, git's own tree of the working files, branch names that look
// like options, and a comparison stopped half way.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GitCancelled, GitError, NotAGitRepository, readBlobs } from '../../src/node/git';
import { branchChoices, readBranches } from '../../src/node/gitBranches';
import { readRevisions } from '../../src/node/gitRevisions';
import { withScratchTree } from '../../src/node/scratchTree';

const FOLDERS = ['accounts/ae', 'accounts/am'];

function repository(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-gitrev-'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'commit', '-qm', 'nothing yet', '--allow-empty');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base', '--allow-empty');
  return dir;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'core.hooksPath=/dev/null', ...args], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
}

const account = (name: string, stage: string) => `---\nname: ${name}\nstage: ${stage}\nae: dewi@example.com\n---\n# ${name}\n\nNotes about ${name} that stay the same when it moves.\n`;

describe('git revisions', () => {
  it('runs git only through src/node/git.ts', () => {
    const src = path.join(__dirname, '..', '..', '..', 'src');
    const spawning = (fs.readdirSync(src, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts') && /child_process/.test(fs.readFileSync(path.join(src, file), 'utf8')));
    assert.deepEqual(spawning, [path.join('node', 'git.ts')]);
  });

  it('writes the same tree git writes for the same files, names in git order', async () => {
    const files: Record<string, string> = {
      'accounts/ae/a.md': account('A', 'demo'),
      'accounts/ae/a-b/c.md': account('C', 'demo'),
      'accounts/ae/a/b.md': account('B', 'demo'),
      'accounts/ae/a0.md': account('A0', 'demo'),
      'accounts/ae/é/ü.md': account('Ü', 'demo'),
      'accounts/am/z.md': account('Z', 'active'),
    };
    const dir = repository(files);
    const tree = await withScratchTree('sha1', Object.entries(files).map(([file, text]) => ({ path: file, mode: '100644', bytes: Buffer.from(text) })), new Set(), async (id) => id);
    assert.equal(tree, git(dir, 'rev-parse', 'HEAD^{tree}').trim());
  });

  it('reads every file of a revision through one process, bytes that are not UTF-8 and large files included', async () => {
    const latin1 = Buffer.concat([Buffer.from('---\nname: Caf'), Buffer.from([0xe9]), Buffer.from('\nstage: demo\n---\n')]);
    const large = account('Large', 'demo') + 'x'.repeat(3_000_000) + '\n';
    const files: Record<string, string | Uint8Array> = { 'accounts/ae/cafe.md': latin1, 'accounts/ae/large.md': large, 'accounts/ae/empty.md': '' };
    for (let i = 0; i < 300; i++) files[`accounts/am/a${i}.md`] = account(`A${i}`, 'active');
    const dir = repository(files);
    const { before, after } = await readRevisions(dir, FOLDERS, 'main~1', 'main');
    const text = (file: string) => after.find((f) => f.file === file)?.text;
    assert.equal(before.length, 0);
    assert.equal(after.length, 303);
    assert.equal(text('accounts/ae/cafe.md'), '---\nname: Caf\udce9\nstage: demo\n---\n');
    assert.equal(text('accounts/ae/large.md'), large);
    assert.equal(text('accounts/ae/empty.md'), '');
    assert.equal(text('accounts/am/a299.md'), account('A299', 'active'));
  });

  it('finds a handoff in the working tree as git would, without touching the index', async () => {
    const dir = repository({ 'accounts/ae/acme.md': account('Acme', 'closed_won'), 'accounts/ae/other.md': account('Other', 'demo') });
    const index = fs.readFileSync(path.join(dir, '.git', 'index'));
    const objects = git(dir, 'count-objects');
    fs.mkdirSync(path.join(dir, 'accounts/am'));
    fs.renameSync(path.join(dir, 'accounts/ae/acme.md'), path.join(dir, 'accounts/am/acme.md'));
    fs.appendFileSync(path.join(dir, 'accounts/am/acme.md'), '\n## Handoff\n\n- [ ] stakeholders\n');
    const { renames, after } = await readRevisions(dir, FOLDERS, 'main', undefined);
    assert.deepEqual([...renames], [['accounts/ae/acme.md', 'accounts/am/acme.md']]);
    // The account that did not change is left out.
    assert.deepEqual(after.map((f) => f.file), ['accounts/am/acme.md']);
    assert.deepEqual(fs.readFileSync(path.join(dir, '.git', 'index')), index);
    assert.equal(git(dir, 'count-objects'), objects);
  });

  it('lists branches whose names look like options, and reads them as branches', async () => {
    const dir = repository({ 'accounts/ae/acme.md': account('Acme', 'demo') });
    git(dir, 'update-ref', 'refs/heads/--output=stolen', 'HEAD');
    git(dir, 'update-ref', 'refs/heads/-p', 'HEAD');
    const branches = (await readBranches(dir)).map((branch) => branch.name);
    assert.deepEqual([...branches].sort(), ['--output=stolen', '-p', 'main']);
    fs.writeFileSync(path.join(dir, 'accounts/ae/acme.md'), account('Acme', 'proposal'));
    for (const branch of branches) assert.match((await readRevisions(dir, FOLDERS, branch, undefined)).before[0].text, /stage: demo/);
    assert.equal(fs.existsSync(path.join(dir, 'stolen')), false);
    await assert.rejects(readRevisions(dir, FOLDERS, '--output=elsewhere', undefined), GitError);
    assert.equal(fs.existsSync(path.join(dir, 'elsewhere')), false);
  });

  it('suggests the upstream of the current branch when it is the main line, and offers the current branch last (its last commit)', async () => {
    const origin = repository({ 'accounts/ae/acme.md': account('Acme', 'demo') });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-clone-'));
    git(dir, 'clone', '-q', origin, '.');
    git(dir, 'checkout', '-qb', 'feature', '--track', 'origin/main');
    git(dir, 'branch', '-q', 'older', 'HEAD~1');
    assert.deepEqual(branchChoices(await readBranches(dir)).slice(0, 1), [{ name: 'origin/main', role: 'main' }]);
    assert.deepEqual(branchChoices(await readBranches(dir)).at(-1), { name: 'feature', role: 'current' });
    assert.deepEqual(new Set(branchChoices(await readBranches(dir)).map((choice) => choice.name)), new Set(['origin/main', 'main', 'older', 'feature']));
  });

  it("suggests the main line before a feature branch's own upstream (what the pull request will show), the upstream next", async () => {
    const origin = repository({ 'accounts/ae/acme.md': account('Acme', 'demo') });
    git(origin, 'branch', '-q', 'feature');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-clone-'));
    git(dir, 'clone', '-q', origin, '.');
    git(dir, 'checkout', '-qb', 'feature', '--track', 'origin/feature');
    assert.deepEqual(branchChoices(await readBranches(dir)).slice(0, 2), [
      { name: 'origin/main', role: 'main' },
      { name: 'origin/feature', role: 'upstream' },
    ]);
  });

  it('without an upstream suggests main or master, never the branch checked out; detached, HEAD stands for the current commit', async () => {
    const dir = repository({ 'accounts/ae/acme.md': account('Acme', 'demo') });
    assert.deepEqual(branchChoices(await readBranches(dir)), [{ name: 'main', role: 'current' }], 'on main alone: only its last commit');
    git(dir, 'checkout', '-qb', 'feature');
    git(dir, 'commit', '-qm', 'later', '--allow-empty');
    assert.deepEqual(branchChoices(await readBranches(dir)), [{ name: 'main', role: 'main' }, { name: 'feature', role: 'current' }]);
    git(dir, 'branch', '-qm', 'main', 'master');
    git(dir, 'checkout', '-q', '--detach', 'HEAD~1');
    assert.deepEqual(branchChoices(await readBranches(dir)), [{ name: 'master', role: 'main' }, { name: 'feature', role: 'other' }, { name: 'HEAD', role: 'current' }]);
  });

  it('says a folder outside any repository is not in one, as its own error', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-norepo-'));
    let inside = false;
    try {
      inside = execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, stdio: 'pipe' }).toString().trim() === 'true';
    } catch {
      // not in a repository, as wanted
    }
    // os.tmpdir() may itself be inside a repository: the case cannot be shown there.
    if (inside) this.skip();
    await assert.rejects(readBranches(dir), NotAGitRepository);
    await assert.rejects(readRevisions(dir, FOLDERS, 'main', undefined), NotAGitRepository);
  });

  it('stops git when the comparison is cancelled', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`accounts/ae/a${i}.md`] = account(`A${i}`, 'demo') + 'x'.repeat(20_000);
    const dir = repository(files);
    const ids = git(dir, 'ls-tree', '-r', 'HEAD').trim().split('\n').map((line) => line.split(/\s/)[2]);
    const cancel = new AbortController();
    const reading = readBlobs(dir, ids, cancel.signal);
    setImmediate(() => cancel.abort());
    // It rejects once git has exited, without its 40 MB of output.
    await assert.rejects(reading, GitCancelled);
    await assert.rejects(readRevisions(dir, FOLDERS, 'main', undefined, AbortSignal.abort()), GitCancelled);
  });
});
