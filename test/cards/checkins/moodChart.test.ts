import { expect } from 'chai';
import { reflectionsCard, renderMoodChart, strengthsCard, cvText } from '../../../src/cards/checkins';
import type { CheckIn } from '../../../src/domain/checkins';
import { translator } from '../../../src/i18n';

/** A fixed history: 20 check-ins a day apart, moods 1–5 in turn, with long texts (the worst case for the message size). */
const history: CheckIn[] = Array.from({ length: 20 }, (_, i) => ({
  id: `checkin:${i}`,
  userId: 'u',
  groupId: 'g',
  mood: ((i % 5) + 1) as CheckIn['mood'],
  did: `Päivä ${i + 1}: ${'kävin kuntosalilla ja opin uutta '.repeat(30)}`.slice(0, 1000),
  strengths: ['keptTime', 'helpedSomeone', 'triedNew'] as CheckIn['strengths'],
  strengthsOther: 'rohkeus',
  nextStep: { text: `Askel ${i + 1}`, date: '2026-12-20', ...(i % 2 === 0 ? { outcome: 'done' as const } : {}) },
  shared: i % 3 === 0,
  createdAt: new Date(Date.UTC(2026, 10, 1 + i, 10)).toISOString(),
})).reverse();

/** PNG: 8-byte signature, then the IHDR chunk whose first fields are width and height (big-endian). */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/**
 * Teams' message limit is about 100 KB; we keep under 80 KB. Counted as the UTF-8 bytes of the whole
 * activity JSON with every base64 `data:` image URI replaced by an empty string — the images are
 * counted apart (each within 1024×1024 px and 1 MB).
 */
const messageBytesWithoutImages = (activity: object) => Buffer.byteLength(JSON.stringify(activity).replace(/data:image\/[a-z]+;base64,[A-Za-z0-9+/=]+/g, ''), 'utf8');

describe('mood chart and My reflections', () => {
  it('renders a PNG from a fixed history within Teams picture limits', async () => {
    const chart = await renderMoodChart([{ label: '1.12.', mood: 1 }, { label: '2.12.', mood: 3 }, { label: '3.12.', mood: 5 }], 'Mieliala ajan mittaan');
    expect([...chart.png.subarray(0, 8)]).to.deep.equal([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(chart.png.subarray(12, 16).toString('ascii')).to.equal('IHDR');
    expect(pngSize(chart.png)).to.deep.equal({ width: chart.width, height: chart.height });
    expect(chart.width).to.be.within(300, 1024);
    expect(chart.height).to.be.within(150, 1024);
    expect(chart.png.length).to.be.below(1024 * 1024);
  });

  it('puts the chart in the card as a data URI with the same numbers in words beside it', async () => {
    const t = translator('fi');
    const card = await reflectionsCard({ t, locale: 'fi', zone: 'Europe/Helsinki', history: history.slice(0, 3) });
    const image = (card.body as Array<Record<string, any>>).find((b) => b.type === 'Image')!;
    expect(image.url).to.match(/^data:image\/png;base64,/);
    const png = Buffer.from(image.url.split(',')[1], 'base64');
    expect(pngSize(png).width).to.be.at.most(1024);
    const words = (card.body as Array<Record<string, any>>).find((b) => typeof b.text === 'string' && b.text.startsWith('Mieliala asteikolla'))!;
    expect(words.text).to.equal('Mieliala asteikolla 1–5: 18.11. 3 (ihan ok), 19.11. 4 (hyvä), 20.11. 5 (tosi hyvä).');
    expect(image.altText).to.equal(words.text);
  });

  it('keeps the whole message with the longest history under 80 KB, images counted apart', async () => {
    for (const locale of ['fi', 'sv', 'en'] as const) {
      const t = translator(locale);
      const card = await reflectionsCard({ t, locale, zone: 'Europe/Helsinki', history });
      const activity = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
      const bytes = messageBytesWithoutImages(activity);
      expect(bytes, locale).to.be.below(80 * 1024);
      const image = JSON.stringify(activity).match(/data:image\/png;base64,([A-Za-z0-9+/=]+)/)![1]!;
      expect(Buffer.from(image, 'base64').length, `${locale} image`).to.be.below(1024 * 1024);
      const strengths = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: strengthsCard(t, locale, 'Europe/Helsinki', history) }] };
      expect(messageBytesWithoutImages(strengths), `${locale} strengths`).to.be.below(80 * 1024);
    }
  });

  it('writes the CV text from the locale templates, top strengths in ESCO group order', () => {
    expect(cvText(translator('en'), history)).to.equal(
      'In small-group coaching I have noticed these strengths in myself: Self-management: punctuality, trying new things. Social and communication skills: helping others. In my own words: rohkeus.',
    );
    expect(cvText(translator('fi'), history)).to.equal(
      'Ryhmävalmennuksessa olen huomannut itsessäni nämä vahvuudet: Itsensä johtaminen: täsmällisyys, rohkeus kokeilla uutta. Vuorovaikutus ja viestintä: muiden auttaminen. Omin sanoin: rohkeus.',
    );
  });
});
