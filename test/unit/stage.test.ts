import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../src/core/model/teamConfig';
import { closestStage } from '../../src/core/model/stage';

describe('closestStage', () => {
  const stages = defaultConfig().stages;

  it('finds the stage a typo meant: swapped, missing, extra and wrong letters, any case', () => {
    assert.equal(closestStage('negotiatoin', stages)?.id, 'negotiation');
    assert.equal(closestStage('qualifcation', stages)?.id, 'qualification');
    assert.equal(closestStage('Demoo', stages)?.id, 'demo');
    assert.equal(closestStage('closed-won', stages)?.id, 'closed_won');
    assert.equal(closestStage('at risk', stages)?.id, 'at_risk');
  });

  it('suggests nothing when no stage is close', () => {
    assert.equal(closestStage('signed', stages), undefined);
    assert.equal(closestStage('x', stages), undefined);
  });
});
