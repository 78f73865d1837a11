import * as assert from 'node:assert/strict';
import {
  aeOf,
  amOf,
  arrOf,
  closeDateOf,
  contractEndOf,
  currencyOf,
  healthOf,
  lastContactOf,
  nextStepDateOf,
  nextStepOf,
  ownerOf,
  probabilityOf,
  regionOf,
  tagsOf,
  type Account,
} from '../../src/core/model/account';
import { readAccount } from '../../src/core/read/accountRead';
import { defaultConfig, stageById, stagesOf } from '../../src/core/model/teamConfig';

const config = defaultConfig();

function account(lines: string[], file = 'accounts/ae/acme.md'): Account {
  const record = readAccount(file, file.includes('/am/') ? 'am' : 'ae', ['---', 'name: Acme', 'stage: negotiation', ...lines, '---', ''].join('\n'), config);
  assert.ok(record.account);
  return record.account;
}

const everyField = (a: Account) => ({
  arr: arrOf(a),
  currency: currencyOf(a),
  ae: aeOf(a),
  am: amOf(a),
  owner: ownerOf(a),
  region: regionOf(a),
  tags: tagsOf(a),
  probability: probabilityOf(a),
  health: healthOf(a),
  nextStep: nextStepOf(a),
  closeDate: closeDateOf(a),
  contractEnd: contractEndOf(a),
  lastContact: lastContactOf(a),
  nextStepDate: nextStepDateOf(a),
});

const NONE: ReturnType<typeof everyField> = {
  arr: undefined,
  currency: undefined,
  ae: undefined,
  am: undefined,
  owner: undefined,
  region: undefined,
  tags: [],
  probability: undefined,
  health: undefined,
  nextStep: undefined,
  closeDate: undefined,
  contractEnd: undefined,
  lastContact: undefined,
  nextStepDate: undefined,
};

describe('account fields', () => {
  it('reads each field as written when it has the right type', () => {
    const a = account([
      'arr: 120000',
      'currency: USD',
      'ae: dewi@example.com',
      'am: budi@example.com',
      'region: APAC',
      'tags: [fintech, 2026]',
      'probability: 70',
      'health: 7',
      'next_step: Send MSA',
      'close_date: 2026-12-15',
      'contract_end: 2027-12-31',
      'last_contact: 2026-11-01',
      'next_step_date: 2026-11-25',
    ]);
    assert.deepEqual(everyField(a), {
      arr: 120000,
      currency: 'USD',
      ae: 'dewi@example.com',
      am: 'budi@example.com',
      owner: 'dewi@example.com',
      region: 'APAC',
      tags: ['fintech', '2026'],
      probability: 70,
      health: 7,
      nextStep: 'Send MSA',
      closeDate: '2026-12-15',
      contractEnd: '2027-12-31',
      lastContact: '2026-11-01',
      nextStepDate: '2026-11-25',
    });
  });

  it('reads a missing field as absent', () => {
    assert.deepEqual(everyField(account([])), NONE);
  });

  it('reads a value of the wrong type as absent, never crashing', () => {
    const wrong = ['[1, 2]', '{ a: 1 }', 'null', 'true', "'text'", '12'];
    for (const value of wrong) {
      const keys = ['arr', 'currency', 'ae', 'am', 'region', 'tags', 'probability', 'health', 'next_step', 'close_date', 'contract_end', 'last_contact', 'next_step_date'];
      const fields = everyField(account(keys.map((key) => `${key}: ${value}`)));
      const expected = { ...NONE };
      if (value === "'text'") Object.assign(expected, { currency: 'text', ae: 'text', am: 'text', owner: 'text', region: 'text', nextStep: 'text' });
      if (value === '12') Object.assign(expected, { arr: 12, probability: 12, health: 12 });
      if (value === '[1, 2]') expected.tags = ['1', '2'];
      assert.deepEqual(fields, expected, `every key written as ${value}`);
    }
  });

  it('reads numbers that are not finite (.inf, .nan, 1e309) as absent', () => {
    for (const value of ['.inf', '-.inf', '.nan', '1e309']) {
      const a = account([`arr: ${value}`, `probability: ${value}`, `health: ${value}`]);
      assert.deepEqual([arrOf(a), probabilityOf(a), healthOf(a)], [undefined, undefined, undefined], value);
    }
  });

  it('reads a probability outside 0–100 as absent (the stage then counts), 0 and 100 as written', () => {
    assert.equal(probabilityOf(account(['probability: 101'])), undefined);
    assert.equal(probabilityOf(account(['probability: -1'])), undefined);
    assert.equal(probabilityOf(account(['probability: 0'])), 0);
    assert.equal(probabilityOf(account(['probability: 100'])), 100);
  });

  it('reads only real calendar days as dates', () => {
    for (const value of ['2026-02-29', '2026-13-01', '2026-11-31', '2026-1-5', "'2026-11-01 '", '2026-11-01T10:00:00Z', '20261101']) {
      assert.equal(closeDateOf(account([`close_date: ${value}`])), undefined, value);
    }
    assert.equal(closeDateOf(account(['close_date: 2028-02-29'])), '2028-02-29');
    assert.equal(contractEndOf(account(["contract_end: '2027-01-31'"])), '2027-01-31', 'a quoted date is the same day');
  });

  it("knows the owner by the folder: the AE of a deal, the AM of a customer", () => {
    const lines = ['ae: dewi@example.com', 'am: budi@example.com'];
    assert.equal(ownerOf(account(lines, 'accounts/ae/acme.md')), 'dewi@example.com');
    assert.equal(ownerOf(account(lines, 'accounts/am/acme.md')), 'budi@example.com');
    assert.equal(ownerOf(account(['ae: dewi@example.com'], 'accounts/am/acme.md')), undefined, 'a customer without an AM has no owner');
  });

  it('keeps tags that are words or numbers, as text, and leaves out the rest', () => {
    assert.deepEqual(tagsOf(account(['tags: [fintech, 7, { a: 1 }, [x], null, true]'])), ['fintech', '7']);
    assert.deepEqual(tagsOf(account(['tags: fintech'])), [], 'one word is not a list');
  });
});

describe('team stages', () => {
  it('finds a stage by id, and nothing for an unknown id or one that is not text', () => {
    assert.equal(stageById(config, 'demo')?.probability, 40);
    assert.equal(stageById(config, 'Demo'), undefined);
    assert.equal(stageById(config, undefined), undefined);
    assert.equal(stageById(config, 40), undefined);
  });

  it("lists one role's stages in pipeline order", () => {
    assert.deepEqual(stagesOf(config, 'am').map((s) => s.id), ['onboarding', 'active', 'at_risk', 'renewal', 'churned']);
    assert.equal(stagesOf(config, 'ae')[0].id, 'prospecting');
  });
});
