import * as assert from 'node:assert/strict';
import type { HandoffApi } from '../../src/extension/extension';
import { testAccounts } from './helpers';
import { accountText, activateHandoff, waitFor } from './workbench';

describe('Key Accounts', () => {
  let api: HandoffApi;
  before(async () => {
    api = await activateHandoff();
  });

  it('says when fewer accounts are scored than there are key-account places, and clears it once they are', async () => {
    // The sample has five key-account places (scoring.key_accounts) and four scored customers.
    assert.equal(api.keyAccountsMessage(), '4 of 5 key-account places: only 4 accounts have scores — add scores: to more accounts');
    await testAccounts(api, 'key-accounts-fifth', {
      'am/fifth.md': accountText({ name: 'Fifth Scored', stage: 'active', contract_end: '2027-12-31', scores: { growth_potential: 5, strategic_fit: 5, relationship: 5, revenue: 5 } }),
    });
    await waitFor('the message to go once five accounts are scored', () => api.keyAccountsMessage() === undefined);
  });
});
