/** A deal that has sat in its stage longer than the team's `stages[].stale_days`: `stage-stale`, information (the calendar never fails a build). */
import * as l10n from '@vscode/l10n';
import type { Account } from '../model/account';
import type { CalendarDay } from '../model/calendarDay';
import type { Problem } from '../model/problem';
import { stageLabel } from '../model/stage';
import { stageById, type TeamConfig } from '../model/teamConfig';

/** The stage-stale problem on the account's `stage:` line, when its stay (from history.ts's sinceOf) is past its stage's stale_days. */
export function stalledProblem(account: Account, config: TeamConfig, inStage: { since: CalendarDay; days: number }): Problem | undefined {
  const stage = stageById(config, account.stage);
  if (!stage?.staleDays || stage.closed || inStage.days <= stage.staleDays) return undefined;
  const position = account.keys.get('stage');
  const line = (position?.line ?? 0) + 1;
  const [column, endColumn] = position ? [position.valueColumn + 1, position.valueEnd + 1] : [1, 4];
  const message = l10n.t("In {0} for {1} days (since {2}); the team's limit for this stage is {3}", stageLabel(stage), inStage.days, inStage.since, stage.staleDays);
  return { file: account.file, line, column, endLine: line, endColumn, severity: 'info', code: 'stage-stale', message };
}
