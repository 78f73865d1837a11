import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { parseConfig } from '../../src/core/read/configRead';
import { defaultConfig, stageById, stageNameOf } from '../../src/core/model/teamConfig';
import { stageLabel } from '../../src/core/model/stage';

describe('stage labels', () => {
  it('names the default stages for people, not by id', () => {
    const config = defaultConfig();
    assert.equal(stageLabel(stageById(config, 'closed_won')), 'Closed won');
    assert.equal(stageLabel(stageById(config, 'at_risk')), 'At risk');
  });

  it("takes the team's label from .handoff.yml, and keeps the id where there is none", () => {
    const { config, problems } = parseConfig('stages:\n  - { id: discovery, role: ae, probability: 10, label: "Discovery call" }\n  - { id: live, role: am }\n');
    assert.deepEqual(problems, []);
    assert.equal(stageLabel(stageById(config, 'discovery')), 'Discovery call');
    assert.equal(stageLabel(stageById(config, 'live')), 'live');
    assert.equal(stageById(config, 'discovery')?.id, 'discovery');
  });

  it('reports a label that is not a short text, and reads the stage without it', () => {
    const { config, problems } = parseConfig('stages:\n  - { id: discovery, role: ae, label: [a, b] }\n  - { id: live, role: am, label: "" }\n');
    assert.deepEqual(problems.map((p) => [p.code, p.line]), [['invalid-type', 2], ['invalid-type', 3]]);
    assert.equal(stageLabel(stageById(config, 'discovery')), 'discovery');
  });

  it('names an unknown stage by what the file says', () => {
    assert.equal(stageLabel(undefined, 'negotation'), 'negotation');
    assert.equal(stageNameOf(defaultConfig(), 'negotation'), 'negotation');
    assert.equal(stageNameOf(defaultConfig(), 'closed_won'), 'Closed won');
  });

  describe('in Bahasa Indonesia', () => {
    before(() => l10n.config({ contents: JSON.parse(fs.readFileSync(path.join(__dirname, '../../../l10n/bundle.l10n.id.json'), 'utf8')) }));
    after(() => l10n.config({ contents: {} }));

    it('translates the default stages, never a label the team chose', () => {
      assert.equal(stageLabel(stageById(defaultConfig(), 'at_risk')), 'Berisiko');
      assert.equal(stageLabel(stageById(defaultConfig(), 'closed_won')), 'Menang');
      const { config } = parseConfig('stages:\n  - { id: won, role: ae, label: "Deal won" }\n  - { id: live, role: am }\n');
      assert.equal(stageLabel(stageById(config, 'won')), 'Deal won');
    });
  });
});
