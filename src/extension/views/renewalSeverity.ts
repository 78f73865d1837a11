/** A renewal's severity in words, for people: the ids (`notice-passed`) are for files, JSON and code. */
import * as vscode from 'vscode';
import type { RenewalSeverity } from '../../core/insight/renewal';

export function severityLabel(severity: RenewalSeverity): string {
  switch (severity) {
    case 'overdue':
      return vscode.l10n.t('Overdue');
    case 'notice-passed':
      return vscode.l10n.t('Notice passed');
    case 'critical':
      return vscode.l10n.t('Critical');
    case 'warning':
      return vscode.l10n.t('Warning');
    case 'info':
      return vscode.l10n.t('Auto-renews');
    case 'ok':
      return vscode.l10n.t('On track');
  }
}
