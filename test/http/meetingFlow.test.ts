import { expect } from 'chai';
import type { Locale } from '../../src/domain/shared/locale';
import { translator } from '../../src/i18n';
import { ManualClock } from '../scheduler/support';
import { BotHarness, inviteCodeIn, onboardAndJoin, person, submitActions, textOf, type Person } from '../support/botHarness';

/**
 * Meetings end to end over the Bot Framework protocol: the leader schedules in a card, the scheduler (ticked
 * by hand on a manual clock) speaks first through the connector, participants answer from those cards.
 */
describe('HTTP: meetings, reminders, pauses and attendance through the running bot', function () {
  const clock = new ManualClock('2026-11-25T08:00:00.000Z');
  const bot = new BotHarness();
  const leader = person('Leena', 'fi');
  const aino = person('Aino', 'fi');
  const siri = person('Siri', 'sv');
  const pekka = person('Pekka', 'en');
  const t = (p: Person | Locale) => translator(typeof p === 'string' ? p : p.locale);
  let groupId = '';

  /** Everything the bot sent anyone from here on. */
  const mark = () => bot.connector.received.length;
  const since = (from: number, p: Person) => bot.connector.received.slice(from).filter((r) => r.conversationId === p.conversationId).map((r) => r.body);
  async function tickAt(iso: string) {
    clock.set(iso);
    await bot.app.scheduler.tick();
  }
  const button = (activities: Record<string, any>[], pick: (data: any) => boolean) => {
    const found = submitActions(activities).find((a) => pick(a.data));
    if (!found) throw new Error('no such button');
    return found.data;
  };

  before(async () => {
    await bot.start({}, { clock });
    await bot.install(leader);
    await bot.submit(leader, { action: 'newGroup' });
    await bot.say(leader, 'Leena');
    await bot.say(leader, 'Kuntosali');
    await bot.say(leader, 'Europe/Helsinki');
    const code = inviteCodeIn(await bot.say(leader, 'Suomi'));
    for (const p of [aino, siri, pekka]) await onboardAndJoin(bot, p, code);
    await bot.app.scheduler.tick(); // the leader's notices of the joins
    groupId = button(await bot.submit(leader, { action: 'meetings' }), (d) => d.action === 'meeting.new').groupId;
  });
  after(async () => bot.stop());

  it('lets the leader schedule in a form; each participant is told in their own language with RSVP buttons', async () => {
    await bot.submit(leader, { action: 'meeting.new', groupId });
    const saved = textOf(await bot.submit(leader, { action: 'meeting.save', title: 'Kuntosali', date: '2026-12-02', time: '10:00', duration: '90', place: 'Urheilutalo' }));
    expect(saved).to.contain('Kuntosali').and.contain('10.00');

    const from = mark();
    await tickAt('2026-11-25T08:00:00.000Z');
    for (const p of [aino, siri, pekka]) {
      const notice = since(from, p);
      expect(textOf(notice), p.name).to.contain(t(p)('meetingMessage.scheduled.title', { title: 'Kuntosali' })).and.contain('Urheilutalo');
      expect(textOf(notice), p.name).to.match(p.locale === 'fi' ? /klo 10\.00–11\.30/ : p.locale === 'sv' ? /ons 2 dec kl\. 10\.00–11\.30/ : /Wed 2 Dec, 10:00–11:30/);
      expect(submitActions(notice).map((a) => a.data.answer)).to.deep.equal(['yes', 'no', 'maybe']);
    }
    expect(since(from, leader)).to.deep.equal([]);
  });

  it('records answers from the notice card and shows the leader the counts', async () => {
    const notices = bot.connector.activities(aino.conversationId);
    expect(textOf(await bot.submit(aino, button(notices, (d) => d.answer === 'yes')))).to.contain(t(aino)('rsvp.saved.yes', { title: 'Kuntosali' }));
    const siriNotice = bot.connector.activities(siri.conversationId);
    expect(textOf(await bot.submit(siri, button(siriNotice, (d) => d.answer === 'no')))).to.contain(t(siri)('rsvp.saved.no', { title: 'Kuntosali' }));
    const overview = textOf(await bot.submit(leader, { action: 'meetings' }));
    expect(overview).to.contain(t(leader)('meetings.answers', { yes: 1, maybe: 0, no: 1, none: 1 }));
    expect(textOf(await bot.submit(pekka, { action: 'meetings' }))).to.contain(t(pekka)('meetings.noAnswer'));
  });

  it('refuses a forged or stale meeting button kindly in the person\'s language, storing nothing', async () => {
    expect(textOf(await bot.submit(pekka, { action: 'rsvp', groupId, meetingId: 'session:nope', answer: 'yes' }))).to.contain(t(pekka)('errors.MEETING_NOT_FOUND'));
    expect(textOf(await bot.submit(siri, { action: 'rsvp', groupId, meetingId: 'session:x', answer: 'perhaps' }))).to.contain(t(siri)('errors.STALE_CARD'));
    expect(textOf(await bot.submit(pekka, { action: 'meeting.save', title: 'x', date: '2026-12-09', time: '10:00', duration: '60', place: '' }))).to.contain(
      t(pekka)('errors.STALE_CARD'),
    );
    const { resources } = await bot.app.store.containers.groups.items
      .query({ query: "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'session'", parameters: [{ name: '@g', value: groupId }] })
      .fetchAll();
    expect(resources).to.have.length(1);
  });

  it('holds reminders during a pause and for someone who said no; snooze brings one back an hour later', async () => {
    clock.set('2026-11-30T10:00:00.000Z');
    await bot.submit(aino, { action: 'pause' });
    expect(textOf(await bot.submit(aino, { action: 'pause.save', reason: 'job_interview', until: '2026-12-01' }))).to.contain('2026');

    let from = mark();
    await tickAt('2026-12-01T08:00:00.000Z'); // 24 h before, 10:00 in Helsinki
    expect(textOf(since(from, pekka))).to.contain(t(pekka)('meetingMessage.reminder.title', { title: 'Kuntosali' }));
    expect(since(from, aino), 'paused').to.deep.equal([]);
    expect(since(from, siri), 'answered no').to.deep.equal([]);

    const snoozed = textOf(await bot.submit(pekka, button(since(from, pekka), (d) => d.action === 'snooze')));
    expect(snoozed).to.match(/I.ll remind you again at 11:00\./);
    from = mark();
    await tickAt('2026-12-01T08:59:59.000Z');
    expect(since(from, pekka)).to.deep.equal([]);
    await tickAt('2026-12-01T09:00:00.000Z');
    expect(textOf(since(from, pekka))).to.contain(t(pekka)('meetingMessage.reminder.title', { title: 'Kuntosali' }));

    from = mark();
    await tickAt('2026-12-02T06:00:00.000Z'); // 2 h before: the pause is over
    expect(textOf(since(from, aino))).to.contain(t(aino)('meetingMessage.reminder.title', { title: 'Kuntosali' }));
    expect(textOf(since(from, pekka))).to.contain(t(pekka)('meetingMessage.reminder.title', { title: 'Kuntosali' }));
  });

  it('gives the leader the roster as the meeting ends; only the present are invited to reflect', async () => {
    let from = mark();
    await tickAt('2026-12-02T09:30:00.000Z');
    const roster = since(from, leader);
    expect(textOf(roster)).to.contain(t(leader)('attendance.ended', { title: 'Kuntosali' })).and.contain('Aino').and.contain('Pekka');
    const data = button(roster, (d) => d.action === 'attendance.save');
    expect(data.members).to.have.length(3);
    const refused = textOf(await bot.submit(pekka, { ...data, m0: 'absent', m1: 'absent', m2: 'present' }));
    expect(refused).to.contain(t(pekka)('errors.NOT_GROUP_LEADER'));
    expect(textOf(await bot.submit(leader, { ...data }))).to.contain(t(leader)('attendance.nothingMarked'));
    const saved = textOf(await bot.submit(leader, { ...data, m0: 'present', m2: 'absent' }));
    expect(saved).to.contain(t(leader)('attendance.saved', { present: 1, absent: 1 }));

    from = mark();
    await tickAt('2026-12-02T10:00:00.000Z');
    expect(textOf(since(from, aino))).to.contain(t(aino)('reflection.prompt', { title: 'Kuntosali' }));
    expect(since(from, pekka), 'recorded absent').to.deep.equal([]);
    expect(since(from, siri), 'said no').to.deep.equal([]);
    expect(textOf(await bot.submit(leader, { action: 'meetings' }))).to.contain(t(leader)('meetings.attendance', { present: 1, absent: 1, unmarked: 1 }));
  });

  it('tells everyone when the leader cancels, and the cancelled meeting never reminds anyone', async () => {
    await bot.submit(leader, { action: 'meeting.new', groupId });
    await bot.submit(leader, { action: 'meeting.save', title: 'Museo', date: '2026-12-09', time: '13:00', duration: '120', place: 'Ateneum' });
    await tickAt('2026-12-02T10:05:00.000Z');
    const cancel = button(await bot.submit(leader, { action: 'meetings' }), (d) => d.action === 'meeting.cancel');
    await bot.submit(leader, cancel);
    await bot.say(leader, 'Kyllä');

    let from = mark();
    await tickAt('2026-12-02T10:06:00.000Z');
    for (const p of [aino, siri, pekka]) expect(textOf(since(from, p)), p.name).to.contain(t(p)('meetingMessage.cancelled.title', { title: 'Museo' }));
    from = mark();
    await tickAt('2026-12-08T11:00:00.000Z'); // when the 24 h reminder would have gone
    await tickAt('2026-12-09T09:00:00.000Z');
    for (const p of [aino, siri, pekka]) expect(since(from, p), p.name).to.deep.equal([]);
    expect(textOf(await bot.submit(pekka, { action: 'meetings' }))).to.contain(t(pekka)('meetings.noneMember'));
  });

  it('shows the leader whom a message could not reach, and why, without retrying a removed bot', async () => {
    bot.connector.respondWith((r) => (r.conversationId === siri.conversationId ? { status: 403 } : undefined));
    try {
      await bot.submit(leader, { action: 'meeting.new', groupId });
      await bot.submit(leader, { action: 'meeting.save', title: 'Kirjasto', date: '2026-12-16', time: '12:00', duration: '60', place: 'Oodi' });
      await tickAt('2026-12-09T10:00:00.000Z');
      const overview = textOf(await bot.submit(leader, { action: 'meetings' }));
      expect(overview).to.contain(t(leader)('meetings.undelivered.title'));
      expect(overview).to.match(new RegExp(`Siri, .*: ${t(leader)('meetings.undelivered.removed')}`));
      expect(overview).to.not.match(/Aino, .*: /);
      const attempts = bot.connector.received.filter((r) => r.conversationId === siri.conversationId).length;
      await tickAt('2026-12-15T10:00:00.000Z'); // the 24 h reminder: the chat is known to be gone, nothing is sent
      expect(bot.connector.received.filter((r) => r.conversationId === siri.conversationId)).to.have.length(attempts);
    } finally {
      bot.connector.clearResponders();
    }
  });
});

describe('HTTP: meetings in each language, leader and participant alike', function () {
  for (const locale of ['fi', 'sv', 'en'] as const) {
    it(`${locale}: schedule, notice, RSVP, reminder with snooze, roster; the settings forms open`, async () => {
      const clock = new ManualClock('2026-11-25T08:00:00.000Z');
      const bot = await new BotHarness().start({}, { clock });
      const t = translator(locale);
      const lead = person('Lea', locale);
      const member = person('Mo', locale);
      const language = { fi: 'Suomi', sv: 'Svenska', en: 'English' }[locale];
      const submitFrom = (activities: Record<string, any>[], pick: (data: any) => boolean) => submitActions(activities).find((a) => pick(a.data))!.data;
      try {
        await bot.install(lead);
        await bot.submit(lead, { action: 'newGroup' });
        await bot.say(lead, 'Leena');
        await bot.say(lead, 'Ryhmä');
        await bot.say(lead, 'Europe/Helsinki');
        await onboardAndJoin(bot, member, inviteCodeIn(await bot.say(lead, language)));
        const groupId = submitFrom(await bot.submit(lead, { action: 'meetings' }), (d) => d.action === 'meeting.new').groupId;
        await bot.submit(lead, { action: 'meeting.new', groupId });
        await bot.submit(lead, { action: 'meeting.save', title: 'Gym', date: '2026-12-02', time: '10:00', duration: '60', place: 'Hall' });

        const seen = () => bot.connector.received.length;
        let from = seen();
        await bot.app.scheduler.tick();
        const notice = bot.connector.received.slice(from).filter((r) => r.conversationId === member.conversationId).map((r) => r.body);
        expect(textOf(notice)).to.contain(t('meetingMessage.scheduled.title', { title: 'Gym' }));
        expect(textOf(await bot.submit(member, submitFrom(notice, (d) => d.answer === 'maybe')))).to.contain(t('rsvp.saved.maybe', { title: 'Gym' }));
        expect(textOf(await bot.submit(member, submitFrom(notice, (d) => d.answer === 'yes')))).to.contain(t('rsvp.saved.yes', { title: 'Gym' }));
        expect(textOf(await bot.submit(member, { action: 'meetings' }))).to.contain(t('meetings.yourAnswer', { answer: t('rsvp.answers.yes') }));

        from = seen();
        clock.set('2026-12-01T08:00:00.000Z');
        await bot.app.scheduler.tick();
        const reminder = bot.connector.received.slice(from).filter((r) => r.conversationId === member.conversationId).map((r) => r.body);
        expect(textOf(reminder)).to.contain(t('meetingMessage.reminder.title', { title: 'Gym' }));
        const snoozed = textOf(await bot.submit(member, submitFrom(reminder, (d) => d.action === 'snooze')));
        expect(snoozed).to.contain({ fi: 'Selvä, muistutan sinua uudelleen klo 11.00.', sv: 'Okej, jag påminner dig igen kl. 11.00.', en: "Okay, I'll remind you again at 11:00." }[locale]);

        from = seen();
        clock.set('2026-12-02T09:00:00.000Z');
        await bot.app.scheduler.tick();
        const roster = bot.connector.received.slice(from).filter((r) => r.conversationId === lead.conversationId).map((r) => r.body);
        expect(textOf(roster)).to.contain(t('attendance.title', { title: 'Gym' })).and.contain(t('attendance.present')).and.contain('Mo');
        const saved = await bot.submit(lead, { ...submitFrom(roster, (d) => d.action === 'attendance.save'), m0: 'present' });
        expect(textOf(saved)).to.contain(t('attendance.saved', { present: 1, absent: 0 }));

        expect(textOf(await bot.submit(member, { action: 'reminders' }))).to.contain(t('reminderSettings.title'));
        expect(textOf(await bot.say(member, { fi: 'peruuta', sv: 'avbryt', en: 'cancel' }[locale]))).to.contain(t('common.cancelled'));
        expect(textOf(await bot.submit(member, { action: 'pause' }))).to.contain(t('pause.title'));
        expect(textOf(await bot.submit(member, { action: 'pause.end' }))).to.contain(t('pauseEnd.none'));
      } finally {
        await bot.stop();
      }
    });
  }
});
