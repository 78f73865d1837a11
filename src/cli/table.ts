/** Plain-text tables for people reading a terminal: a line per row, every cell made visible text. */
import { visibleText } from '../core/output/visibleText';

export function formatTable(headerCells: readonly string[], rowCells: readonly (readonly string[])[], rightAligned: ReadonlySet<number> = new Set()): string {
  const headers = headerCells.map(visibleText);
  const rows = rowCells.map((row) => row.map(visibleText));
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => [...row[column]].length)));
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const padding = ' '.repeat(widths[column] - [...cell].length);
        return rightAligned.has(column) ? padding + cell : cell + padding;
      })
      .join('  ')
      .trimEnd();
  return [format(headers), format(widths.map((w) => '-'.repeat(w))), ...rows.map(format)].join('\n') + '\n';
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}
