import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../../src/core/read/configRead';
import { workspacePath } from '../../src/core/read/workspacePath';

const root = path.resolve(__dirname, '..', '..', '..');

const ESCAPES = [
  '../../../../etc/hostname',
  '..',
  'templates/../../outside.md',
  '..\\..\\windows\\win.ini',
  '/etc/hostname',
  '//server/share/note.md',
  '\\\\server\\share\\note.md',
  '\\\\?\\C:\\note.md',
  'C:\\Windows\\win.ini',
  'c:/note.md',
  'C:note.md',
  'templates/note\u0000.md',
  'templates/\nnote.md',
  '',
  '   ',
  '.',
];

describe('workspacePath: the one reader of paths from the team configuration', () => {
  it('gives workspace-relative, normalised paths with / separators', () => {
    assert.deepEqual(workspacePath('templates/handoff.md'), { path: 'templates/handoff.md' });
    assert.deepEqual(workspacePath('./templates//handoff.md'), { path: 'templates/handoff.md' });
    assert.deepEqual(workspacePath('templates\\handoff.md'), { path: 'templates/handoff.md' });
    assert.deepEqual(workspacePath(' crm/accounts/ '), { path: 'crm/accounts' });
    assert.deepEqual(workspacePath('a/./b'), { path: 'a/b' });
    assert.deepEqual(workspacePath('.', { workspace: true }), { path: '' });
    assert.deepEqual(workspacePath('./', { workspace: true }), { path: '' });
    assert.deepEqual(workspacePath('..foo/bar..'), { path: '..foo/bar..' });
  });

  it('refuses every way out of the workspace: .., absolute POSIX, Windows drive and UNC paths, NUL and control characters, nothing', () => {
    for (const value of ESCAPES) {
      const result = workspacePath(value);
      assert.ok('problem' in result, `${JSON.stringify(value)} was accepted as ${JSON.stringify(result)}`);
    }
    for (const value of [42, null, ['a'], { a: 1 }]) assert.ok('problem' in workspacePath(value));
  });

  it('makes the config reader report each bad path on its line (config-path) and keep the default', () => {
    const text = ['root: ../../elsewhere', 'folders:', '  ae: /etc', '  am: C:\\am', 'handoff:', '  template: ../../../../etc/hostname'].join('\n');
    const { config, problems } = parseConfig(text);
    assert.deepEqual(problems.map((p) => [p.file, p.line, p.code, p.severity]), [
      ['.handoff.yml', 1, 'config-path', 'error'],
      ['.handoff.yml', 3, 'config-path', 'error'],
      ['.handoff.yml', 4, 'config-path', 'error'],
      ['.handoff.yml', 6, 'config-path', 'error'],
    ]);
    assert.match(problems[3].message, /handoff\.template.*inside the workspace/);
    assert.equal(config.root, 'accounts');
    assert.deepEqual(config.folders, { ae: 'ae', am: 'am' });
    assert.equal(config.handoff.template, null);
  });

  it('keeps good paths from the config normalised', () => {
    const { config, problems } = parseConfig('root: ./crm/\nfolders: { ae: "hunters\\\\apac" }\nhandoff: { template: templates\\handoff.md }\n');
    assert.deepEqual(problems, []);
    assert.equal(config.root, 'crm');
    assert.equal(config.folders.ae, 'hunters/apac');
    assert.equal(config.handoff.template, 'templates/handoff.md');
  });

  it('agrees with the pattern of the .handoff.yml schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'syntaxes', 'handoff.schema.json'), 'utf8'));
    const pattern = new RegExp(schema.definitions.workspacePath.pattern, 'u');
    for (const value of [...ESCAPES.filter((v) => v.trim() !== '.'), 'templates/handoff.md', 'a\\b', '..foo', 'crm/accounts']) {
      assert.equal(pattern.test(value), 'path' in workspacePath(value), JSON.stringify(value));
    }
    const { root: rootKey, folders, handoff } = schema.properties;
    for (const property of [rootKey, folders.properties.ae, folders.properties.am, handoff.properties.template]) assert.equal(property.pattern, schema.definitions.workspacePath.pattern);
  });
});
