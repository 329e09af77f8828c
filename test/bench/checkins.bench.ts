/**
 * Prints what "My reflections" costs: the mood chart's render time (cold, then warm) and the size of
 * the message carrying it, counted as Teams counts (images apart). A script, not a test.
 */
import { reflectionsCard, renderMoodChart } from '../../src/cards/checkins';
import type { CheckIn } from '../../src/domain/checkins';
import { translator } from '../../src/i18n';

const history: CheckIn[] = Array.from({ length: 20 }, (_, i) => ({
  id: `checkin:${i}`,
  userId: 'u',
  groupId: 'g',
  mood: ((i % 5) + 1) as CheckIn['mood'],
  did: 'kävin kuntosalilla ja opin uutta '.repeat(30).slice(0, 1000),
  strengths: ['keptTime', 'helpedSomeone', 'triedNew'] as CheckIn['strengths'],
  nextStep: { text: `Askel ${i + 1}` },
  shared: false,
  createdAt: new Date(Date.UTC(2026, 10, 1 + i, 10)).toISOString(),
})).reverse();

async function main() {
  const points = history.map((c, i) => ({ label: `${i + 1}.11.`, mood: c.mood! }));
  let t0 = performance.now();
  const first = await renderMoodChart(points, 'Mieliala ajan mittaan');
  console.log(`chart, first render (loads vega): ${(performance.now() - t0).toFixed(0)} ms, ${first.width}×${first.height} px, ${first.png.length} bytes PNG`);
  const runs = 20;
  t0 = performance.now();
  for (let i = 0; i < runs; i++) await renderMoodChart(points, 'Mieliala ajan mittaan');
  console.log(`chart, warm: ${((performance.now() - t0) / runs).toFixed(1)} ms per render (${runs} runs)`);
  const card = await reflectionsCard({ t: translator('fi'), locale: 'fi', zone: 'Europe/Helsinki', history });
  const json = JSON.stringify({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
  const withoutImages = json.replace(/data:image\/[a-z]+;base64,[A-Za-z0-9+/=]+/g, '');
  console.log(`My reflections message (20 check-ins, 1000-character texts, 10 shown): ${Buffer.byteLength(json)} bytes in all, ${Buffer.byteLength(withoutImages)} bytes without the base64 image (limit kept: 81920)`);
}

void main();
