/**
 * An account and the folder it is in, as a view row (Pipeline, Renewals, Key Accounts), a drag or a
 * pick hands it to a command. A class, so that a command knows its argument by what made it
 * (`instanceof`), not by guessing from its shape.
 */
import type { Account } from '../../core/model/account';
import type { AccountFolder } from './accountWorkspaces';

export class AccountRef {
  constructor(
    readonly folder: AccountFolder,
    readonly account: Account,
  ) {}
}
