import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { defaultConfig } from '../../src/core/model/teamConfig';

const root = path.resolve(__dirname, '..', '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'syntaxes', 'handoff.schema.json'), 'utf8'));

describe('the .handoff.yml schema', () => {
  it('documents every setting the configuration reader knows, with its default', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), ['contact', 'folders', 'handoff', 'reminders', 'renewal', 'root', 'scoring', 'stages', 'team']);
    const defaults = defaultConfig();
    assert.equal(schema.properties.root.default, defaults.root);
    assert.deepEqual(schema.properties.renewal.properties.warn_days.default, defaults.renewal.warnDays);
    assert.equal(schema.properties.renewal.properties.notice_days.default, defaults.renewal.noticeDays);
    assert.equal(schema.properties.contact.properties.stale_days.default, defaults.contact.staleDays);
    assert.equal(schema.properties.reminders.properties.ahead_days.default, defaults.reminders.aheadDays);
    assert.equal(schema.properties.handoff.properties.from.default, defaults.handoff.from);
  });

  it('accepts the sample team configuration (every key it uses is in the schema)', () => {
    const sample = parseDocument(fs.readFileSync(path.join(root, 'test', 'fixtures', 'sample', '.handoff.yml'), 'utf8')).toJS() as Record<string, Record<string, unknown>>;
    for (const [key, value] of Object.entries(sample)) {
      const property = schema.properties[key];
      assert.ok(property, `${key} is not in the schema`);
      if (property.type === 'object' && property.additionalProperties === false) {
        for (const inner of Object.keys(value)) assert.ok(property.properties[inner], `${key}.${inner} is not in the schema`);
      }
    }
  });
});
