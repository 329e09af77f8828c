import { Resvg } from '@resvg/resvg-js';

/** One point of the chart: the x label is already formatted in the person's language (vega's own is English). */
export interface MoodPoint {
  label: string;
  mood: number;
}

export interface MoodChart {
  png: Buffer;
  width: number;
  height: number;
}

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');
let loaded: Promise<[Vega, VegaLite]> | undefined;
// vega is ESM with top-level await: it can only be loaded with import(), never require().
const load = () => (loaded ??= Promise.all([import('vega'), import('vega-lite')]));

/** At most this many points are drawn (the latest); the words beside the picture say the same numbers. */
export const maxChartPoints = 20;

/**
 * Mood over time as a PNG line chart: vega-lite → vega View.toSVG() (renderer 'none', no canvas) →
 * resvg. 560×240 px at scale 1: well inside Teams' 1024×1024 px and 1 MB for a picture.
 */
export async function renderMoodChart(points: MoodPoint[], title: string): Promise<MoodChart> {
  const [vega, vegaLite] = await load();
  const data = points.slice(-maxChartPoints).map((p, i) => ({ ...p, i }));
  const spec = vegaLite.compile({
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
  } as never).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const rendered = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: true } }).render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}

export const pngDataUri = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
