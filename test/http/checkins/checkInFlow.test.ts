import { expect } from 'chai';
import { reflectionPromptMessage } from '../../../src/cards/meetings';
import { submitActions, textOf } from '../../support/botHarness';
import { checkInWorld, emptyCard, storedCheckIns, userIdOf } from './support';

/** The check-in end to end over HTTP, in fi, sv and en: as one card, as typed prompts, skipped, with a next step. */
describe('HTTP: check-ins as a card and as prompts', function () {
  let w: Awaited<ReturnType<typeof checkInWorld>>;
  before(async () => {
    w = await checkInWorld('2026-12-01T10:00:00.000Z');
  });
  after(async () => w.bot.stop());
  // Each check-in a minute after the last, so "newest first" is well defined.
  beforeEach(() => w.clock.advance(60_000));

  it('shows the whole check-in as one card in the person language, mood buttons with words', async () => {
    const cards = { fi: w.aino, sv: w.siri, en: w.pekka } as const;
    const expected = {
      fi: ['Miltä sinusta tuntuu?', '😞 Tosi huono', '😄 Tosi hyvä', 'Mitä teit tai opit?', 'Itsensä johtaminen', 'Pysyin aikataulussa', 'Jaa tämä ohjaajalleni', 'Tallenna', 'Kysy yksi kerrallaan', 'Omat pohdinnat'],
      sv: ['Hur mår du?', '😞 Mycket dåligt', 'Vad gjorde eller lärde du dig?', 'Självledarskap', 'Jag höll tiden', 'Dela det här med min ledare', 'Spara'],
      en: ['How are you feeling?', '😞 Very bad', '😐 Okay', 'What did you do or learn?', 'Self-management', 'I kept to time', 'I spoke up in the group', 'Share this with my leader', 'Save'],
    };
    for (const [lang, p] of Object.entries(cards) as Array<[keyof typeof cards, (typeof cards)[keyof typeof cards]]>) {
      const card = await w.bot.submit(p, { action: 'checkins.start' });
      const text = textOf(card);
      for (const words of expected[lang]) expect(text, `${lang}: ${words}`).to.contain(words);
      // Cancel this run: the next test starts its own.
      await w.bot.say(p, lang === 'fi' ? 'peruuta' : lang === 'sv' ? 'avbryt' : 'cancel');
    }
  });

  it('saves a card check-in privately, with strengths from the ESCO groups and a next step with its day', async () => {
    await w.bot.submit(w.aino, { action: 'checkins.start' });
    const saved = textOf(
      await w.bot.submit(w.aino, { ...emptyCard, mood: '4', did: 'Kävin salilla', s_selfManagement: 'keptTime,triedNew', s_physicalManual: 'physicallyActive', nextStep: 'Soitan työnantajalle', nextStepDate: '2026-12-03' }),
    );
    expect(saved).to.equal('Tallennettu. Vain sinä näet tämän. Muistutan seuraavasta askeleestasi to 3.12.');
    const [entry] = await storedCheckIns(w.bot, w.aino);
    expect(entry).to.include({ userId: userIdOf(w.aino), groupId: w.groupId, mood: 4, did: 'Kävin salilla', shared: false, ttl: 730 * 86400 });
    expect(entry!.strengths).to.deep.equal(['keptTime', 'triedNew', 'physicallyActive']);
    expect(entry!.nextStep).to.deep.equal({ text: 'Soitan työnantajalle', date: '2026-12-03' });
  });

  it('asks one question at a time for people who type (en), each answer in their own words', async () => {
    await w.bot.say(w.pekka, 'check in');
    expect(textOf(await w.bot.say(w.pekka, 'hello'))).to.contain('How are you feeling today? Choose 1–5 or skip.');
    expect(textOf(await w.bot.say(w.pekka, '3'))).to.equal('What did you do or learn? Write a line, or type "skip".');
    expect(textOf(await w.bot.say(w.pekka, 'I went to the gym'))).to.contain('Which strengths did you notice in yourself?').and.contain('14. I helped someone');
    expect(textOf(await w.bot.say(w.pekka, '9, 14'))).to.equal('What is one next step towards work or study? Write it, or "skip".');
    expect(textOf(await w.bot.say(w.pekka, 'Apply for the job'))).to.equal('Which day? Type for example 1/12 and I\'ll remind you. Or "skip".');
    expect(textOf(await w.bot.say(w.pekka, 'someday'))).to.contain("I didn't recognise that day. Type it like 1/12 (today or later), or \"skip\".");
    expect(textOf(await w.bot.say(w.pekka, '4/12'))).to.contain('Do you want to share this with your leader? Otherwise only you see it.');
    expect(textOf(await w.bot.say(w.pekka, 'no'))).to.equal("Saved. Only you can see this. I'll remind you of your next step on Fri 4 Dec.");
    const [entry] = await storedCheckIns(w.bot, w.pekka);
    expect(entry).to.include({ mood: 3, did: 'I went to the gym', shared: false });
    expect(entry!.strengths).to.deep.equal(['keptTime', 'helpedSomeone']);
    expect(entry!.nextStep).to.deep.equal({ text: 'Apply for the job', date: '2026-12-04' });
  });

  it('lets every question be skipped, on the card and typed (sv), and then stores nothing', async () => {
    const before = (await storedCheckIns(w.bot, w.siri)).length;
    await w.bot.submit(w.siri, { action: 'checkins.start' });
    expect(textOf(await w.bot.submit(w.siri, emptyCard))).to.equal('Du hoppade över alla frågor, så jag sparade ingenting. Det är helt okej.');
    await w.bot.say(w.siri, 'checka in');
    await w.bot.submit(w.siri, { action: 'checkins.stepwise' });
    for (const skip of ['hoppa över', 'hoppa över', 'Hoppa över', 'hoppa över']) await w.bot.say(w.siri, skip);
    expect(textOf(await w.bot.say(w.siri, 'nej'))).to.equal('Du hoppade över alla frågor, så jag sparade ingenting. Det är helt okej.');
    expect(await storedCheckIns(w.bot, w.siri)).to.have.length(before);
  });

  it('shares from the card (sv) with the leader when ticked, and a repeated submit is one entry', async () => {
    const card = await w.bot.submit(w.siri, { action: 'checkins.start' });
    const save = submitActions(card).find((a) => a.data.action === 'checkins.save')!.data;
    expect(save.requestId).to.be.a('string');
    const answer = { ...emptyCard, ...save, mood: '5', did: 'Jag pratade i gruppen', s_socialCommunication: 'spokeUp', share: 'true' };
    expect(textOf(await w.bot.submit(w.siri, answer))).to.equal('Sparat och delat med din ledare.');
    // The same card pressed again after its check-in ended: kept under the same request id, so still one entry.
    expect(textOf(await w.bot.submit(w.siri, answer))).to.equal('Sparat och delat med din ledare.');
    expect((await storedCheckIns(w.bot, w.siri)).filter((c) => c.did === 'Jag pratade i gruppen')).to.have.length(1);
  });

  it('belongs to the meeting whose reflection prompt started it', async () => {
    await w.bot.submit(w.aino, { action: 'checkins.start', meetingId: 'session:abc' });
    await w.bot.submit(w.aino, { ...emptyCard, mood: '3', action: 'checkins.save', meetingId: 'session:abc' });
    const [entry] = await storedCheckIns(w.bot, w.aino);
    // Stored under the stored name of a meeting's id (src/store/shared/storedNames.ts).
    expect(entry!.sessionId).to.equal('session:abc');
  });

  it('reminds of the next step at 10:00 on its day, and the next check-in asks whether it happened (fi)', async () => {
    const from = w.mark();
    w.clock.set('2026-12-03T07:59:00.000Z');

    await w.bot.app.scheduler.tick();
    expect(w.since(from, w.aino)).to.deep.equal([]);
    w.clock.set('2026-12-03T08:00:00.000Z');
    await w.bot.app.scheduler.tick();
    expect(textOf(w.since(from, w.aino))).to.equal('Tänään on seuraavan askeleesi päivä: ”Soitan työnantajalle”. Onnea matkaan! Voit kertoa seuraavassa check-inissä, miten meni.');

    const asked = await w.bot.submit(w.aino, { action: 'checkins.start' });
    expect(textOf(asked)).to.contain('Viime kerralla seuraava askeleesi oli: ”Soitan työnantajalle”. Toteutuiko se?').and.contain('Kyllä, tein sen').and.contain('Ei vielä');
    const done = await w.bot.say(w.aino, 'Kyllä, tein sen');
    expect(textOf(done)).to.contain('Hienoa! Se on askel eteenpäin.').and.contain('Miltä sinusta tuntuu?');
    const history = await storedCheckIns(w.bot, w.aino);
    expect(history.find((c) => c.nextStep?.text === 'Soitan työnantajalle')!.nextStep).to.include({ outcome: 'done' });
    // Answered: the following check-in does not ask again.
    await w.bot.say(w.aino, 'peruuta');
    expect(textOf(await w.bot.submit(w.aino, { action: 'checkins.start' }))).to.not.contain('Viime kerralla');
  });

  it('reminds and follows up in sv and en too: "not yet" and "skip" are answers, asked once', async () => {
    await w.bot.submit(w.siri, { action: 'checkins.start' });
    expect(textOf(await w.bot.submit(w.siri, { ...emptyCard, nextStep: 'Ringa arbetsgivaren', nextStepDate: '2026-12-04' }))).to.equal(
      'Sparat. Bara du ser det här. Jag påminner dig om ditt nästa steg fre 4 dec.',
    );
    const from = w.mark();
    w.clock.set('2026-12-04T08:00:00.000Z');
    await w.bot.app.scheduler.tick();
    expect(textOf(w.since(from, w.siri))).to.equal('I dag är dagen för ditt nästa steg: ”Ringa arbetsgivaren”. Lycka till! Du kan berätta hur det gick i nästa incheckning.');
    expect(textOf(w.since(from, w.pekka))).to.equal('Today is the day for your next step: "Apply for the job". Good luck! You can tell me how it went in your next check-in.');

    expect(textOf(await w.bot.submit(w.pekka, { action: 'checkins.start' }))).to.contain('Last time your next step was: "Apply for the job". Did it happen?');
    expect(textOf(await w.bot.say(w.pekka, 'Not yet'))).to.contain("That's okay. It can wait for a better moment.").and.contain('How are you feeling?');
    expect(textOf(await w.bot.submit(w.siri, { action: 'checkins.start' }))).to.contain('Förra gången var ditt nästa steg: ”Ringa arbetsgivaren”. Blev det av?');
    expect(textOf(await w.bot.say(w.siri, 'Hoppa över'))).to.contain('Hur mår du?');
    const outcomes = [...(await storedCheckIns(w.bot, w.pekka)), ...(await storedCheckIns(w.bot, w.siri))].flatMap((c) => (c.nextStep?.outcome ? [c.nextStep.outcome] : []));
    expect(outcomes.sort()).to.deep.equal(['notYet', 'skipped']);
    await w.bot.say(w.siri, 'avbryt');
    expect(textOf(await w.bot.submit(w.siri, { action: 'checkins.start' }))).to.not.contain('Förra gången');
  });

  it('the reflection prompt after a meeting carries a check-in button with the meeting id', async () => {
    const message = reflectionPromptMessage('en', { id: 'session:m1', title: 'Gym' } as never);
    const buttons = submitActions([{ attachments: message.cards!.map((content) => ({ content })) }]);
    expect(buttons).to.deep.equal([{ title: 'Check in now', data: { action: 'checkins.start', meetingId: 'session:m1' } }]);
  });
});
