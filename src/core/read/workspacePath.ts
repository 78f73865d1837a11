/**
 * Paths the team configuration names (`root`, `folders.ae`, `folders.am`, `handoff.template`):
 * the one place that turns them into workspace-relative, normalised, `/`-separated paths, or says
 * why not. Nothing a `.handoff.yml` says can lead out of the workspace: `..`, absolute POSIX paths,
 * Windows drive letters and UNC paths, NUL and other control characters are refused. A backslash is
 * read as a separator (as Windows does), so `..\..\x` is refused on every platform and a path written
 * on Windows works everywhere.
 *
 * Links are not a matter of text: whoever reads the file refuses links and anything but a regular
 * file (`regularFile.ts` in the CLI, `workspace.fs.stat` in the extension).
 */
import * as l10n from '@vscode/l10n';

export type WorkspacePathResult = { path: string } | { problem: string };

/**
 * `value` as a workspace-relative path. With `workspace`, `.` (the top of the workspace) is allowed
 * and gives `''`; otherwise a path must name something below the top.
 */
export function workspacePath(value: unknown, options: { workspace?: boolean } = {}): WorkspacePathResult {
  if (typeof value !== 'string') return { problem: l10n.t('it is not text') };
  const trimmed = value.trim();
  if (trimmed === '') return { problem: l10n.t('it is empty') };
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  if (/[\u0000-\u001f\u007f]/u.test(trimmed)) return { problem: l10n.t('it holds a control character (such as NUL or a line break)') };
  const slashed = trimmed.split('\\').join('/');
  if (slashed.startsWith('/')) return { problem: l10n.t('it is an absolute path; write it relative to the workspace') };
  if (/^[a-z]:/i.test(slashed)) return { problem: l10n.t('it names a drive; write it relative to the workspace') };
  const parts = slashed.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) return { problem: l10n.t("'..' leads out of the folder it is in; write the path from the top of the workspace") };
  if (parts.length === 0 && !options.workspace) return { problem: l10n.t('it names the workspace itself, not something inside it') };
  return { path: parts.join('/') };
}
