import { renderVegaLite, type ChartPicture } from '../shared/chart';

/** One participant's line: their name and a count per week, oldest first. */
export interface EngagementRow {
  name: string;
  counts: number[];
}

export type DigestChart = ChartPicture;

/**
 * The group's engagement over the last weeks: one small line per participant (a row each, the same
 * scale), vega-lite → vega's SVG without a canvas → resvg to PNG. About 380 px wide and 44 px a row.
 */
export async function renderEngagementChart(rows: readonly EngagementRow[], weekLabels: readonly string[]): Promise<DigestChart> {
  const values = rows.flatMap((r, row) => r.counts.map((count, i) => ({ name: r.name || '–', row, week: weekLabels[i] ?? String(i + 1), i, count })));
  const top = Math.max(1, ...rows.flatMap((r) => r.counts));
  return renderVegaLite({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    background: 'white',
    data: { values },
    facet: { row: { field: 'row', type: 'ordinal', header: null } },
    spec: {
      width: 260,
      height: 26,
      layer: [
        { mark: { type: 'line', strokeWidth: 2, color: '#5b5fc7', point: { size: 24, filled: true, color: '#5b5fc7' } } },
        { mark: { type: 'text', align: 'right', dx: -8, fontSize: 12 }, transform: [{ filter: 'datum.i == 0' }], encoding: { text: { field: 'name' }, x: { value: 0 }, y: { value: 13 } } },
      ],
      encoding: {
        x: { field: 'week', type: 'ordinal', sort: { field: 'i' }, title: null, axis: null },
        y: { field: 'count', type: 'quantitative', scale: { domain: [0, top] }, axis: null, title: null },
      },
    },
    spacing: 6,
    padding: 8,
    config: { font: 'DejaVu Sans, Arial, sans-serif', view: { stroke: '#e5e5ef' } },
  });
}
