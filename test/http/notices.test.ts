import { expect } from 'chai';
import { ManualClock } from '../scheduler/support';
import { BotHarness, createGroupAs, onboardAndJoin, person, submitActions, textOf, type Person } from '../support/botHarness';

/**
 * Notices of new, moved and cancelled meetings go at once (quiet hours are for reminders); a
 * cancellation of a meeting nobody heard of is not sent; a reflection held overnight says no "today".
 */
describe('HTTP: meeting notices and quiet hours', function () {
  const clock = new ManualClock('2026-11-25T08:00:00.000Z');
  const bot = new BotHarness();
  const leader = person('Leena', 'fi');
  const aino = person('Aino', 'fi');
  const sam = person('Sam', 'en');
  let groupId = '';
  let code = '';

  const mark = () => bot.connector.received.length;
  const since = (from: number, p: Person) => bot.connector.received.slice(from).filter((r) => r.conversationId === p.conversationId).map((r) => r.body);
  const tickAt = async (iso: string) => {
    clock.set(iso);
    await bot.app.scheduler.tick();
  };
  const schedule = async (title: string, date: string, time: string) => {
    await bot.submit(leader, { action: 'meeting.new', groupId });
    return textOf(await bot.submit(leader, { action: 'meeting.save', title, date, time, duration: '60', place: '' }));
  };

  before(async () => {
    await bot.start({}, { clock });
    code = await createGroupAs(bot, leader, { leader: 'Leena', group: 'Kuntosali' });
    for (const p of [aino, sam]) await onboardAndJoin(bot, p, code);
    groupId = submitActions(await bot.submit(leader, { action: 'meetings' })).find((a) => a.data.action === 'meeting.new')!.data.groupId;
  });
  after(async () => bot.stop());

  it('tells participants of a meeting scheduled late in the evening at once, inside their quiet hours', async () => {
    await tickAt('2026-11-25T20:30:00.000Z'); // 22.30 in Helsinki: quiet hours 21–08 by default
    expect(await schedule('Kirjasto', '2026-12-03', '10:00')).to.contain('Kerron siitä osallistujille');
    const from = mark();
    await tickAt('2026-11-25T20:31:00.000Z');
    expect(textOf(since(from, aino))).to.contain('Uusi tapaaminen: Kirjasto');
    expect(textOf(since(from, sam))).to.contain('New meeting: Kirjasto');
  });

  it('sends no cancellation to anyone who never got the notice', async () => {
    await schedule('Museo', '2026-12-04', '12:00');
    // Before the scheduler has run, nobody has heard of it. The meetings list is in time order: Museo is last.
    const cancels = submitActions(await bot.submit(leader, { action: 'meetings' })).filter((a) => a.data.action === 'meeting.cancel');
    expect(textOf(await bot.submit(leader, cancels[cancels.length - 1]!.data)).split('\n')[0]).to.equal('Perutaanko tapaaminen "Museo" (perjantaina 4. joulukuuta 2026 klo 12.00)?');
    expect(textOf(await bot.say(leader, 'Kyllä'))).to.equal(
      'Tapaaminen "Museo" (perjantaina 4. joulukuuta 2026 klo 12.00) on peruttu. Kukaan ei ollut vielä kuullut siitä, joten en lähetä peruutusta kenellekään.',
    );
    const from = mark();
    await tickAt('2026-11-26T07:00:00.000Z'); // 9.00: no quiet hours would hold a cancellation now
    for (const p of [aino, sam]) {
      const text = textOf(since(from, p));
      expect(text, p.name).to.not.contain('Museo');
    }
  });

  it('tells the leader truthfully that only those who heard of the meeting hear of its cancellation', async () => {
    await schedule('Uimahalli', '2026-12-05', '14:00');
    await tickAt('2026-11-26T07:01:00.000Z'); // the notices go to Aino and Sam
    const late = person('Kalle', 'fi');
    await onboardAndJoin(bot, late, code);
    const cancels = submitActions(await bot.submit(leader, { action: 'meetings' })).filter((a) => a.data.action === 'meeting.cancel');
    await bot.submit(leader, cancels[cancels.length - 1]!.data);
    expect(textOf(await bot.say(leader, 'Kyllä'))).to.equal(
      'Tapaaminen "Uimahalli" (lauantaina 5. joulukuuta 2026 klo 14.00) on peruttu. Kerron siitä niille 2 osallistujalle, jotka olivat kuulleet tapaamisesta. Muille en lähetä mitään.',
    );
    const from = mark();
    await tickAt('2026-11-26T07:02:00.000Z');
    expect(textOf(since(from, aino))).to.contain('Uimahalli');
    expect(textOf(since(from, sam))).to.contain('Uimahalli');
    expect(textOf(since(from, late))).to.not.contain('Uimahalli');
  });

  const movedIn = {
    fi: 'Tapaaminen on siirretty: "Museum" on nyt perjantaina 4. joulukuuta 2026 klo 13.00. Ryhmässä ei ole vielä osallistujia, joten en kerro muutoksesta kenellekään.',
    sv: 'Träffen är flyttad: "Museum" är nu fredag 4 december 2026 kl. 13.00. Gruppen har inga deltagare än, så jag meddelar ingen.',
    en: 'The meeting has been moved: "Museum" is now on Friday, 4 December 2026 at 13:00. The group has no participants yet, so I\'m not telling anyone.',
  };
  for (const [locale, leaderName, yes, scheduled, expected] of [
    ['fi', 'Leo', 'Kyllä', 'Valmista! Tapaaminen "Museum" on sovittu: perjantaina 4. joulukuuta 2026 klo 12.00. Ryhmässä ei ole vielä osallistujia. Kun joku liittyy, hän näkee tapaamisen ja saa siitä muistutukset.', 'Tapaaminen "Museum" (perjantaina 4. joulukuuta 2026 klo 12.00) on peruttu. Kukaan ei ollut vielä kuullut siitä, joten en lähetä peruutusta kenellekään.'],
    ['sv', 'Lena', 'Ja', 'Klart! Träffen "Museum" är bokad till fredag 4 december 2026 kl. 12.00. Gruppen har inga deltagare än. Den som går med ser träffen och får påminnelser om den.', 'Träffen "Museum" (fredag 4 december 2026 kl. 12.00) är inställd. Ingen hade hört om den än, så jag skickar inget meddelande om att den är inställd.'],
    ['en', 'Lee', 'Yes', 'Done! The meeting "Museum" is set for Friday, 4 December 2026 at 12:00. The group has no participants yet. Whoever joins will see it and get its reminders.', 'The meeting "Museum" on Friday, 4 December 2026 at 12:00 is cancelled. Nobody had heard of it yet, so I won\'t send a cancellation to anyone.'],
  ] as const) {
    it(`says so in ${locale} when a meeting has nobody to tell: scheduled in an empty group, then cancelled`, async () => {
      const other = person(leaderName, locale);
      await createGroupAs(bot, other, { leader: leaderName, group: `Grupp ${locale}` });
      const otherGroup = submitActions(await bot.submit(other, { action: 'meetings' })).find((a) => a.data.action === 'meeting.new')!.data.groupId;
      await bot.submit(other, { action: 'meeting.new', groupId: otherGroup });
      expect(textOf(await bot.submit(other, { action: 'meeting.save', title: 'Museum', date: '2026-12-04', time: '12:00', duration: '60', place: '' }))).to.equal(scheduled);
      const move = submitActions(await bot.submit(other, { action: 'meetings' })).find((a) => a.data.action === 'meeting.move')!;
      await bot.submit(other, move.data);
      expect(textOf(await bot.submit(other, { action: 'meeting.save', title: 'Museum', date: '2026-12-04', time: '13:00', duration: '60', place: '' }))).to.equal(movedIn[locale]);
      const cancel = submitActions(await bot.submit(other, { action: 'meetings' })).find((a) => a.data.action === 'meeting.cancel')!;
      await bot.submit(other, cancel.data);
      expect(textOf(await bot.say(other, yes))).to.equal(expected.replace(/12([.:])00/, '13$100'));
    });
  }

  it('invites to reflect without "today" when the prompt was held overnight', async () => {
    await schedule('Iltakävely', '2026-11-30', '20:00'); // ends 21.00; the prompt at 21.30 falls in quiet hours
    await tickAt('2026-11-26T07:05:00.000Z');
    let from = mark();
    await tickAt('2026-11-30T19:31:00.000Z');
    expect(textOf([...since(from, aino), ...since(from, sam)])).to.not.contain('Iltakävely');
    from = mark();
    await tickAt('2026-12-01T06:01:00.000Z'); // 08.01 the next morning
    const text = textOf([...since(from, aino), ...since(from, sam)]);
    expect(text).to.contain('Kiitos, että olit mukana tapaamisessa "Iltakävely"! Kun sinulla on rauhallinen hetki, mieti, mikä tapaamisessa meni hyvin');
    expect(text).to.contain('think about what went well in the meeting');
    expect(text).to.not.contain('tänään').and.not.contain('today');
  });

  it('names the day when a snoozed reminder comes back after quiet hours, not only the time', async () => {
    await schedule('Aamukahvit', '2026-12-10', '10:00');
    await tickAt('2026-12-02T07:00:00.000Z');
    const from = mark();
    await tickAt('2026-12-09T08:00:00.000Z'); // the 24 h reminder at 10.00
    const snoozeOf = (p: Person) => submitActions(since(from, p)).find((a) => a.data.action === 'snooze')!.data;
    const [ainoSnooze, samSnooze] = [snoozeOf(aino), snoozeOf(sam)];
    clock.set('2026-12-09T12:00:00.000Z'); // 14.00: the same day
    expect(textOf(await bot.submit(aino, ainoSnooze))).to.equal('Selvä, muistutan sinua uudelleen klo 15.00.');
    clock.set('2026-12-09T18:45:00.000Z'); // 20.45: an hour later is quiet, so it comes at 8.00 tomorrow
    expect(textOf(await bot.submit(aino, ainoSnooze))).to.equal('Selvä, muistutan sinua uudelleen to 10.12. klo 8.00.');
    expect(textOf(await bot.submit(sam, samSnooze))).to.equal("Okay, I'll remind you again on Thu 10 Dec, 08:00.");
  });
});
