/** A picture for a card: the PNG and its size in pixels. */
export interface ChartPicture {
  png: Buffer;
  width: number;
  height: number;
}

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');
type Resvg = typeof import('@resvg/resvg-js');
let loaded: Promise<[Vega, VegaLite, Resvg]> | undefined;
// vega is ESM with top-level await: import() only; resvg is a native addon. Both stay out of the start
// bundle (src/tools/build.mjs) and are loaded when the first picture is drawn.
const load = () => (loaded ??= Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]));

/**
 * A vega-lite spec drawn offline: vega-lite → vega's SVG (renderer 'none', no canvas) → resvg to PNG,
 * at the spec's own size. Every chart of the bot (check-in moods, the digest, the report) goes through here.
 */
export async function renderVegaLite(spec: object): Promise<ChartPicture> {
  const [vega, vegaLite, { Resvg }] = await load();
  const view = new vega.View(vega.parse(vegaLite.compile(spec as never).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const rendered = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: true } }).render();
    return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
  } finally {
    view.finalize();
  }
}

export const pngDataUri = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
