import { renderVegaLite, type ChartPicture } from '../shared/chart';

/** One point of the chart: the x label is already formatted in the person's language (vega's own is English). */
export interface MoodPoint {
  label: string;
  mood: number;
}

export type MoodChart = ChartPicture;

/** At most this many points are drawn (the latest); the words beside the picture say the same numbers. */
export const maxChartPoints = 20;

/**
 * Mood over time as a PNG line chart: vega-lite → vega View.toSVG() (renderer 'none', no canvas) →
 * resvg. 560×240 px at scale 1: well inside Teams' 1024×1024 px and 1 MB for a picture.
 */
export async function renderMoodChart(points: MoodPoint[], title: string): Promise<MoodChart> {
  const data = points.slice(-maxChartPoints).map((p, i) => ({ ...p, i }));
  return renderVegaLite({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 480,
    height: 160,
    background: 'white',
    title: { text: title, fontSize: 14 },
    data: { values: data },
    mark: { type: 'line', point: { size: 60, filled: true }, strokeWidth: 2.5, color: '#5b5fc7' },
    encoding: {
      x: { field: 'label', type: 'ordinal', sort: { field: 'i' }, title: null, axis: { labelAngle: -30 } },
      y: { field: 'mood', type: 'quantitative', scale: { domain: [1, 5] }, axis: { values: [1, 2, 3, 4, 5], format: 'd' }, title: null },
    },
    config: { font: 'DejaVu Sans, Arial, sans-serif', view: { stroke: null } },
  });
}

export { pngDataUri } from '../shared/chart';
