import { expect } from 'chai';
import { digestRenderer } from '../../../src/cards/leader';
import type { Group } from '../../../src/domain/groups';
import type { Meeting } from '../../../src/domain/meetings';
import type { DigestMessageRequest, GroupDigest } from '../../../src/services/leader';

/** A fixed digest, written by hand: one group of four, a meeting ahead, an open vote, the last meeting, six weeks of history. */
const at = '2026-11-01T10:00:00.000Z';
const group: Group = {
  id: 'g1', groupId: 'g1', name: 'Kuntosali', timeZone: 'Europe/Helsinki', locale: 'fi', leaderId: 'msteams:leader',
  members: ['Anna', 'Ben', 'Cai', 'Dora'].map((n) => ({ userId: `msteams:${n}`, displayName: n, joinedAt: at })), linkedChatIds: [], createdAt: at, updatedAt: at,
};
const meeting = (id: string, startsAt: string, endsAt: string): Meeting => ({ id, groupId: 'g1', title: 'Kuntosali', startsAt, endsAt, place: 'Urheilutalo', status: 'scheduled', revision: 1, createdBy: 'msteams:leader', createdAt: at, updatedAt: at });
const digest: GroupDigest = {
  group,
  upcoming: [{ meeting: meeting('m2', '2026-12-07T07:00:00.000Z', '2026-12-07T08:30:00.000Z'), yes: ['Anna', 'Cai'], no: [], maybe: ['Dora'], unanswered: ['Ben'] }],
  openRound: { deadline: '2026-12-04T16:00:00.000Z', notVoted: ['Ben', 'Dora'] },
  lastMeeting: { meeting: meeting('m1', '2026-11-30T07:00:00.000Z', '2026-11-30T08:30:00.000Z'), present: ['Anna', 'Cai', 'Dora'], absent: ['Ben'], unmarked: [] },
  checkIns: [{ name: 'Anna', count: 2, shared: [] }, { name: 'Cai', count: 1, shared: [] }],
  nextSteps: [{ name: 'Anna', text: 'Soita kirjastoon', outcome: 'done' }],
  unreachable: [{ name: 'Ben', why: 'removed' }],
  alerts: [{ name: 'Ben', reasons: [{ code: 'missed', missed: 2, of: 3 }, { code: 'no_checkin', days: 15 }] }],
  engagement: {
    weekStarts: ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'],
    rows: [
      { name: 'Anna', counts: [3, 2, 4, 3, 2, 3] },
      { name: 'Ben', counts: [2, 1, 0, 0, 1, 0] },
      { name: 'Cai', counts: [1, 2, 2, 3, 2, 2] },
      { name: 'Dora', counts: [0, 1, 2, 2, 3, 1] },
    ],
  },
  news: true,
};
const request = (locale: 'fi' | 'sv' | 'en', groups = [digest]): DigestMessageRequest => ({
  locale, zone: 'Europe/Helsinki', since: '2026-11-30T06:00:00.000Z', groups, settings: { cadence: 'weekly', weekday: 1, time: '08:00', beforeMeetings: true },
});
type Card = { body: Array<{ type: string; text?: string; url?: string; altText?: string }>; actions: Array<{ data: unknown }> };
const textsOf = (card: Card) => card.body.filter((b) => b.type === 'TextBlock').map((b) => b.text);

/** Width and height from the PNG's IHDR chunk (bytes 16–23, big-endian), not from the renderer. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('digest card and its engagement picture', function () {
  this.timeout(30_000);

  it('reads in Finnish: what is coming, the vote (who has not voted, never what), attendance, check-ins, steps, reach, alerts', async () => {
    const message = await digestRenderer.render(request('fi'));
    expect(message.text).to.equal('Koosteesi.');
    expect(textsOf(message.cards![0] as Card)).to.deep.equal([
      'Kooste: Kuntosali',
      'Edellisen koosteen jälkeen (ma 30.11. klo 8.00)',
      'Seuraavat tapaamiset',
      'ma 7.12. klo 9.00: Kuntosali',
      'Tulee: Anna, Cai\n\nEhkä: Dora\n\nEi vastannut: Ben',
      'Äänestys on auki pe 4.12. klo 18.00 asti',
      'Ei ole vielä äänestänyt: Ben, Dora',
      'Edellinen tapaaminen, ma 30.11. klo 9.00: Kuntosali',
      'Paikalla: Anna, Cai, Dora\n\nPoissa: Ben',
      'Check-init',
      'Anna: 2 check-iniä\n\nCai: 1 check-in',
      'Seuraavat askeleet (jaetut)',
      'Anna: Soita kirjastoon – tehty',
      'Botti ei tavoita',
      'Ben: poisti botin tai esti sen',
      'Avoimet huomiot',
      'Ben: oli poissa 2 kertaa 3 viime tapaamisesta; ei ole tehnyt check-iniä 15 päivään',
      'Osallistuminen viikoittain',
      'Viikot 26.10.–30.11., vanhin ensin (tapaamiset, vastaukset, äänet ja check-init yhteensä): Anna 3, 2, 4, 3, 2, 3; Ben 2, 1, 0, 0, 1, 0; Cai 1, 2, 2, 3, 2, 2; Dora 0, 1, 2, 2, 3, 1.',
    ]);
    expect((message.cards![0] as Card).actions.map((a) => a.data)).to.deep.equal([{ action: 'leader.digestSettings' }]);
  });

  it('reads in Swedish and English', async () => {
    const sv = textsOf((await digestRenderer.render(request('sv'))).cards![0] as Card);
    expect(sv.slice(0, 7)).to.deep.equal([
      'Sammandrag: Kuntosali',
      'Sedan förra sammandraget (mån 30 nov kl. 8.00)',
      'Nästa träffar',
      'mån 7 dec kl. 9.00: Kuntosali',
      'Kommer: Anna, Cai\n\nKanske: Dora\n\nHar inte svarat: Ben',
      'Omröstningen är öppen till fre 4 dec kl. 18.00',
      'Har inte röstat än: Ben, Dora',
    ]);
    const en = textsOf((await digestRenderer.render(request('en'))).cards![0] as Card);
    expect(en.slice(13, 17)).to.deep.equal(['The bot can\'t reach', 'Ben: removed or blocked the bot', 'Open alerts', 'Ben: missed 2 of the last 3 meetings; no check-in for 15 days']);
  });

  it('draws the picture from the fixed history: a PNG, its size from the IHDR, its numbers in words beside it, under the message limit', async () => {
    const message = await digestRenderer.render(request('en', [digest, { ...digest, group: { ...group, groupId: 'g2', name: 'Kahvila' } }]));
    const image = (message.cards![0] as Card).body.find((b) => b.type === 'Image')!;
    const png = Buffer.from(image.url!.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect([...png.subarray(0, 8)]).to.deep.equal([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('ascii')).to.equal('IHDR');
    const { width, height } = pngSize(png);
    expect(width).to.be.within(300, 600);
    expect(height).to.be.within(120, 260);
    expect(png.length).to.be.below(30 * 1024);
    expect(image.altText).to.equal(
      'Weeks 26 Oct–30 Nov, oldest first (meetings, answers, votes and check-ins together): Anna 3, 2, 4, 3, 2, 3; Ben 2, 1, 0, 0, 1, 0; Cai 1, 2, 2, 3, 2, 2; Dora 0, 1, 2, 2, 3, 1.',
    );
    // Two groups, two pictures: the whole message, images included, stays under 80 KB.
    expect(Buffer.byteLength(JSON.stringify(message))).to.be.below(80 * 1024);
  });

  it('gives a leader of two groups a card for the group with news only', async () => {
    const message = await digestRenderer.render(request('en', [{ ...digest, group: { ...group, groupId: 'g2', name: 'Kahvila' }, news: false }, digest]));
    expect(message.text).to.equal('Your digest.');
    expect(message.cards!.map((c) => textsOf(c as Card)[0])).to.deep.equal(['Digest: Kuntosali']);
    const both = await digestRenderer.render(request('sv', [digest, { ...digest, group: { ...group, groupId: 'g2', name: 'Kahvila' } }]));
    expect(both.text).to.equal('Ditt sammandrag, 2 grupper.');
    expect(both.cards!.map((c) => textsOf(c as Card)[0])).to.deep.equal(['Sammandrag: Kuntosali', 'Sammandrag: Kahvila']);
  });

  it('says one line, not a card of zeros, when no group has anything new', async () => {
    const quiet = { ...digest, news: false };
    expect(await digestRenderer.render(request('fi', [quiet]))).to.deep.equal({ text: 'Ei uutta ryhmissäsi ma 30.11. klo 8.00 jälkeen.' });
    expect(await digestRenderer.render(request('sv', [quiet]))).to.deep.equal({ text: 'Inget nytt i dina grupper sedan mån 30 nov kl. 8.00.' });
    expect(await digestRenderer.render(request('en', [quiet]))).to.deep.equal({ text: 'Nothing new in your groups since Mon 30 Nov, 08:00.' });
  });
});
