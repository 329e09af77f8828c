import type { ReportSummary } from '../../domain/outcomes';
import type { Translate } from '../../i18n';
import { renderVegaLite } from '../shared/chart';

/**
 * The report's one picture: a bar chart of the indicators, rendered offline (vega-lite → vega's SVG
 * renderer without a canvas → resvg to PNG, src/cards/shared/chart.ts).
 */
export async function reportChartPng(t: Translate, s: ReportSummary): Promise<Buffer> {
  const values = [
    { label: t('outcomes.chart.participants'), count: s.participants },
    { label: t('outcomes.chart.confirmed'), count: s.confirmed },
    { label: t('outcomes.chart.unconfirmed'), count: s.unconfirmed },
    { label: t('outcomes.chart.tryouts'), count: s.tryouts },
    { label: t('outcomes.chart.studies'), count: s.studies },
    { label: t('outcomes.chart.dropouts'), count: s.dropouts },
  ];
  const picture = await renderVegaLite({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 360,
    height: 180,
    background: 'white',
    data: { values },
    mark: { type: 'bar', color: '#4a6fa5' },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null },
      x: { field: 'count', type: 'quantitative', title: null, axis: { tickMinStep: 1 } },
    },
  });
  return picture.png;
}
