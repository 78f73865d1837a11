import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributed = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
const source = fs
  .readdirSync(path.join(root, 'src', 'extension'))
  .map((file) => fs.readFileSync(path.join(root, 'src', 'extension', file), 'utf8'))
  .join('\n');

describe('the extension manifest', () => {
  it('registers every command it contributes, and contributes every command it registers', () => {
    const registered = new Set([...source.matchAll(/registerCommand\(\s*'([\w.]+)'/g), ...source.matchAll(/run\('([\w.]+)'/g)].map((m) => m[1]));
    assert.deepEqual([...contributed].filter((id) => !registered.has(id)), [], 'contributed but never registered');
    assert.deepEqual([...registered].filter((id) => !contributed.has(id)), [], 'registered but not contributed');
  });

  it('menus and walkthrough links only name contributed commands; every command has the Handoff category', () => {
    for (const [menu, items] of Object.entries(manifest.contributes.menus) as [string, { command: string }[]][]) {
      for (const item of items) assert.ok(contributed.has(item.command), `${menu}: ${item.command}`);
    }
    for (const step of manifest.contributes.walkthroughs[0].steps) {
      for (const [, id] of step.description.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(contributed.has(id), `${step.id}: ${id}`);
      assert.ok(fs.existsSync(path.join(root, step.media.markdown)), step.media.markdown);
    }
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'Handoff', command.command);
  });

  it('declares its views in its own activity-bar container with an icon that exists', () => {
    const [container] = manifest.contributes.viewsContainers.activitybar;
    assert.ok(fs.existsSync(path.join(root, container.icon)));
    assert.deepEqual(manifest.contributes.views[container.id].map((v: { id: string }) => v.id), ['handoff.pipeline', 'handoff.renewals', 'handoff.keyAccounts']);
    assert.ok(fs.existsSync(path.join(root, manifest.icon)));
    assert.ok(fs.existsSync(path.join(root, manifest.contributes.yamlValidation[0].url)));
  });
});
