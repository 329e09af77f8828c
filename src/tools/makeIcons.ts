/**
 * Draws the Teams app icons from SVG: four participants around one leader.
 * Run with `npx tsx src/tools/makeIcons.ts`; the PNGs it writes are committed in appPackage/.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const ACCENT = '#2E6B5E';
const PARTICIPANT = '#F4C95D';
const LEADER = '#FFFFFF';

/** Centres of the four participant circles, on the diagonals around (c, c) at distance r. */
function participantCentres(c: number, r: number): Array<[number, number]> {
  const d = r / Math.SQRT2;
  return [
    [c - d, c - d],
    [c + d, c - d],
    [c + d, c + d],
    [c - d, c + d],
  ];
}

function circles(centres: Array<[number, number]>, radius: number, fill: string): string {
  return centres.map(([x, y]) => `<circle cx="${x.toFixed(2)}" cy="${y.toFixed(2)}" r="${radius}" fill="${fill}"/>`).join('');
}

/** 192×192, full colour; the mark stays inside the central 120 px safe area Teams asks for. */
export function colorIconSvg(): string {
  const c = 96;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 192 192">',
    `<rect width="192" height="192" fill="${ACCENT}"/>`,
    `<circle cx="${c}" cy="${c}" r="42" fill="none" stroke="${LEADER}" stroke-opacity="0.4" stroke-width="4"/>`,
    circles(participantCentres(c, 42), 15, PARTICIPANT),
    `<circle cx="${c}" cy="${c}" r="21" fill="${LEADER}"/>`,
    '</svg>',
  ].join('');
}

/** 32×32, white on transparent: Teams tints it, so no colour and no background. */
export function outlineIconSvg(): string {
  const c = 16;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">',
    `<circle cx="${c}" cy="${c}" r="11" fill="none" stroke="#FFFFFF" stroke-width="1.5"/>`,
    circles(participantCentres(c, 11), 4.5, '#FFFFFF'),
    `<circle cx="${c}" cy="${c}" r="5.5" fill="#FFFFFF"/>`,
    '</svg>',
  ].join('');
}

export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
  return resvg.render().asPng();
}

export function makeIcons(outDir: string): { color: string; outline: string } {
  const color = path.join(outDir, 'color.png');
  const outline = path.join(outDir, 'outline.png');
  writeFileSync(color, renderPng(colorIconSvg()));
  writeFileSync(outline, renderPng(outlineIconSvg()));
  return { color, outline };
}

if (require.main === module) {
  const written = makeIcons(path.resolve(__dirname, '..', '..', 'appPackage'));
  console.log(`wrote ${written.color} and ${written.outline}`);
}
