// The YAML test suite's front-matter cases as account files, read by the CLI as a user's CI would:
// `list --format json` shows each valid case's data, `check` refuses each invalid one.
import * as assert from 'node:assert/strict';
import { frontMatterCases } from '../unit/yamlSuite';
import { handoff, tempWorkspace } from './handoffProcess';

describe('the YAML test suite as account files', () => {
  const cases = frontMatterCases().map((c) => ({ ...c, file: `accounts/ae/${c.id.toLowerCase()}.md` }));
  const files: Record<string, string> = {};
  // The front-matter closes on a line of its own; the one case without a final line break gets one.
  for (const c of cases) files[c.file] = `---\n${c.yaml.endsWith('\n') ? c.yaml : `${c.yaml}\n`}---\n`;
  let dir: string;
  before(() => {
    dir = tempWorkspace(files);
  });

  it('list --format json shows the data YAML 1.2 reads for every valid case', () => {
    const result = handoff(['list', '--dir', dir, '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const listed = new Map((JSON.parse(result.stdout).accounts as { file: string }[]).map((a) => [a.file, a as Record<string, unknown>]));
    for (const c of cases.filter((c) => c.json && c.yaml.endsWith('\n'))) {
      const account = listed.get(c.file);
      assert.ok(account, `${c.id} (${c.name}) is not listed`);
      for (const [key, value] of Object.entries(c.json!)) assert.deepEqual(account[key], value, `${c.id} (${c.name}): ${key}`);
    }
    for (const c of cases.filter((c) => !c.json)) assert.ok(!listed.has(c.file), `${c.id} (${c.name}) is invalid YAML but listed`);
  });

  it('check refuses every invalid case with a YAML error, and exits 1', () => {
    const result = handoff(['check', '--dir', dir, '--format', 'json']);
    assert.equal(result.code, 1, result.stderr);
    const problems = JSON.parse(result.stdout).problems as { file: string; code: string; severity: string }[];
    for (const c of cases.filter((c) => !c.json)) {
      const codes = problems.filter((p) => p.file === c.file && p.severity === 'error').map((p) => p.code);
      assert.ok(codes.some((code) => code === 'yaml-syntax' || code === 'duplicate-key'), `${c.id} (${c.name}): ${codes.join(', ') || 'no error'}`);
    }
    for (const c of cases.filter((c) => c.json)) {
      const yamlErrors = problems.filter((p) => p.file === c.file && (p.code === 'yaml-syntax' || p.code === 'duplicate-key'));
      assert.deepEqual(yamlErrors, [], `${c.id} (${c.name}) is valid YAML`);
    }
  });
});
