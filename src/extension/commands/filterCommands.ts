/** The title-bar commands of the Pipeline, Renewals and Key Accounts views: my accounts; filter by owner, region, tag or text; clear; group by. */
import * as vscode from 'vscode';
import { ownerOf, regionOf, tagsOf, type Account } from '../../core/model/account';
import type { GroupBy } from '../../core/insight/pipeline';
import type { AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { FilterState, PipelineFilter } from '../views/pipelineFilter';
import type { CommandManager } from './commandManager';
import type { GitTools } from '../platform';
import { ME_SETTING, whoAmI } from '../workspace/me';
import { ask } from './notifications';

export function registerFilterCommands(workspaces: AccountWorkspaces, filter: PipelineFilter, commands: CommandManager, git: GitTools | undefined, log: vscode.LogOutputChannel): vscode.Disposable {
  const values = (of: (account: Account) => string[]) => {
    const counts = new Map<string, number>();
    for (const folder of workspaces.all()) for (const account of folder.store.accounts()) for (const value of of(account)) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([label, count]) => ({ label, description: `${count}` }));
  };
  const pickValue = async (key: 'owner' | 'region' | 'tag', items: vscode.QuickPickItem[]) => {
    const placeHolder = key === 'owner' ? vscode.l10n.t('Show only accounts with this owner') : key === 'region' ? vscode.l10n.t('Show only accounts with this region') : vscode.l10n.t('Show only accounts with this tag');
    const picked = await vscode.window.showQuickPick(items, { placeHolder });
    if (picked) await filter.set({ [key]: picked.label } as Partial<FilterState>);
  };
  // My accounts in one click; without a "me", how to set one.
  const mine = async () => {
    const me = await whoAmI(git, log);
    if (me) return filter.set({ owner: me, mine: true });
    const open = vscode.l10n.t('Open Setting');
    const answer = await ask(vscode.l10n.t("Handoff does not know who you are: set 'handoff.me' to your e-mail as written in ae: and am: (or set git's user.email)."), open);
    if (answer === open) await vscode.commands.executeCommand('workbench.action.openSettings', ME_SETTING);
  };
  // Each takes an optional value, so a keybinding or another extension can filter without a prompt.
  const byOwner = async (value?: unknown) => (typeof value === 'string' ? filter.set({ owner: value }) : pickValue('owner', values((a) => [ownerOf(a) ?? ''].filter(Boolean))));
  const byRegion = async (value?: unknown) => (typeof value === 'string' ? filter.set({ region: value }) : pickValue('region', values((a) => (regionOf(a) === undefined ? [] : [regionOf(a)!]))));
  const byTag = async (value?: unknown) => (typeof value === 'string' ? filter.set({ tag: value }) : pickValue('tag', values(tagsOf)));
  const byText = async (value?: unknown) => {
    const text = typeof value === 'string' ? value : await vscode.window.showInputBox({ title: vscode.l10n.t('Search accounts'), prompt: vscode.l10n.t('Name, owner, region, tag, next step or a word of the notes'), value: filter.filter.text });
    if (text !== undefined) await filter.set({ text });
  };
  return vscode.Disposable.from(
    commands.register('handoff.filter', async () => {
      const choices = [
        { label: vscode.l10n.t('$(account) My Accounts'), run: () => mine() },
        { label: vscode.l10n.t('$(person) By Owner…'), run: () => byOwner() },
        { label: vscode.l10n.t('$(globe) By Region…'), run: () => byRegion() },
        { label: vscode.l10n.t('$(tag) By Tag…'), run: () => byTag() },
        { label: vscode.l10n.t('$(search) By Text…'), run: () => byText() },
        ...(filter.active ? [{ label: vscode.l10n.t('$(clear-all) Clear Filter'), run: async () => filter.clear() }] : []),
      ];
      const picked = await vscode.window.showQuickPick(choices, { placeHolder: filter.describe() ?? vscode.l10n.t('Filter the accounts of every Handoff view') });
      await picked?.run();
    }),
    commands.register('handoff.filterMine', mine),
    commands.register('handoff.filterByOwner', byOwner),
    commands.register('handoff.filterByRegion', byRegion),
    commands.register('handoff.filterByTag', byTag),
    commands.register('handoff.search', byText),
    commands.register('handoff.clearFilter', () => filter.clear()),
    commands.register('handoff.groupBy', async (groupBy?: GroupBy) => {
      const choice =
        groupBy ??
        (
          await vscode.window.showQuickPick(
            [
              { label: vscode.l10n.t('Group by stage'), g: 'stage' as const },
              { label: vscode.l10n.t('Group by owner'), g: 'owner' as const },
              { label: vscode.l10n.t('Group by region'), g: 'region' as const },
            ].map((item) => ({ ...item, description: item.g === filter.groupBy ? vscode.l10n.t('current') : undefined })),
            { placeHolder: vscode.l10n.t('Group the pipeline by…') },
          )
        )?.g;
      if (choice) filter.setGroupBy(choice);
    }),
  );
}
