import * as assert from 'node:assert/strict';
import { readAccount, type Account } from '../../src/core/account';
import { defaultConfig } from '../../src/core/config';
import { compareByPipeline, matchesFilter, ownerOf } from '../../src/core/pipeline';
import { accountText } from './memorySource';

const config = defaultConfig();
function account(file: string, fields: Record<string, string | number>): Account {
  const role = file.includes('/am/') ? 'am' : 'ae';
  return readAccount(file, role, accountText(fields), config).account!;
}

const accounts = [
  account('accounts/am/globex.md', { name: 'Globex', stage: 'active', ae: 'dewi@example.com', am: 'budi@example.com', region: 'APAC', tags: '[fintech]' }),
  account('accounts/ae/acme.md', { name: 'Acme', stage: 'negotiation', ae: 'dewi@example.com', region: 'APAC', tags: '[fintech, expansion]' }),
  account('accounts/ae/zeta.md', { name: 'Zeta', stage: 'prospecting', ae: 'lena@example.com', region: 'EMEA' }),
  account('accounts/ae/alpha.md', { name: 'Alpha', stage: 'prospecting', ae: 'lena@example.com', region: 'EMEA' }),
];

describe('pipeline', () => {
  it('orders AE stages before AM stages, in pipeline order, then by name', () => {
    assert.deepEqual([...accounts].sort(compareByPipeline(config)).map((a) => a.name), ['Alpha', 'Zeta', 'Acme', 'Globex']);
  });

  it('knows the current owner: the AE of a deal, the AM of a customer', () => {
    assert.deepEqual(accounts.map(ownerOf), ['budi@example.com', 'dewi@example.com', 'lena@example.com', 'lena@example.com']);
  });

  it('filters by stage, role, owner (e-mail or name), region and tag, ignoring case', () => {
    const names = (filter: Parameters<typeof matchesFilter>[1]) => accounts.filter((a) => matchesFilter(a, filter)).map((a) => a.name);
    assert.deepEqual(names({ stages: ['prospecting', 'active'] }), ['Globex', 'Zeta', 'Alpha']);
    assert.deepEqual(names({ roles: ['am'] }), ['Globex']);
    assert.deepEqual(names({ owners: ['DEWI'] }), ['Acme']);
    assert.deepEqual(names({ owners: ['budi@example.com'] }), ['Globex']);
    assert.deepEqual(names({ regions: ['emea'] }), ['Zeta', 'Alpha']);
    assert.deepEqual(names({ tags: ['Expansion'] }), ['Acme']);
    assert.deepEqual(names({ regions: ['APAC'], tags: ['fintech'], roles: ['ae'] }), ['Acme']);
    assert.deepEqual(names({}), ['Globex', 'Acme', 'Zeta', 'Alpha']);
  });
});
