import { expect } from 'chai';
import { ManualClock } from '../../scheduler/support';
import { BotHarness, person, submitActions, textOf, type Person } from '../../support/botHarness';
import { buttonData, countDocs, groupOverHttp, webChat } from './support';

/**
 * From ideas to proposals to a vote to the winner scheduled as a meeting, over the Bot Framework protocol in
 * fi, sv and en, with the scheduler ticked by hand on a manual clock (Tue 1 Dec 2026, 12:00 in Helsinki).
 */
describe('HTTP: planning activities together (propose, ideas, vote, result, schedule)', function () {
  const clock = new ManualClock('2026-12-01T10:00:00.000Z');
  const bot = new BotHarness();
  /** Kalle uses Web Chat. */
  const web = webChat(bot);
  const leader = person('Leena', 'fi');
  const aino = person('Aino', 'fi');
  const siri = person('Siri', 'sv');
  const pekka = person('Pekka', 'en');
  const kalle = person('Kalle', 'fi');
  const limitTexts = ['vain aamupäivisin', 'polvi leikattu'];
  let groupId = '';
  const ids: Record<string, string> = {};

  const mark = () => bot.connector.received.length;
  const since = (from: number, p: Person) => bot.connector.received.slice(from).filter((r) => r.conversationId === p.conversationId).map((r) => r.body);
  const tickAt = async (iso: string) => {
    clock.set(iso);
    await bot.app.scheduler.tick();
  };
  const vote = (p: Person, proposal: string, approve = true) =>
    bot.submit(p, { action: 'activities.vote', groupId, roundId: 'round:1', proposalId: ids[proposal], approve });

  before(async () => {
    await bot.start({}, { clock });
    groupId = await groupOverHttp(bot, leader, [aino, siri, pekka, kalle], 'Kuntosali', (p) => (p === kalle ? web : bot));
    await bot.submit(pekka, { action: 'limits' });
    await bot.submit(pekka, { action: 'limits.save', mobility: true, budget: false, times: limitTexts[0], note: limitTexts[1] });
  });
  after(async () => bot.stop());

  it('shows Activities in the menu of members and the leader', async () => {
    expect(submitActions(await bot.say(aino, 'valikko')).map((a) => a.title)).to.include('Aktiviteetit');
    expect(submitActions(await bot.say(leader, 'valikko')).map((a) => a.title)).to.include('Aktiviteetit');
    expect(textOf(await bot.say(aino, 'aktiviteetit'))).to.contain('Ehdotuksia ei ole vielä. Ehdota jotain uutta tai katso ideapankkia.');
    expect(textOf(await bot.say(aino, 'apua'))).to.contain('Aktiviteetit suunnitellaan yhdessä: kirjoita "ehdota", "ideat" tai "äänestä".');
    expect(textOf(await bot.say(siri, 'rösta'))).to.equal('Ingen omröstning är öppen just nu.');
    expect(textOf(await bot.say(pekka, 'ideas'))).to.contain('Idea library').and.contain('Museum on a free-entry day');
  });

  it('takes a proposal by card, says privately how many it may not suit, and keeps one for a repeated submit', async () => {
    const form = await bot.submit(aino, { action: 'activities.propose' });
    expect(textOf(form)).to.contain('Ehdota aktiviteettia ryhmälle Kuntosali');
    const save = { ...buttonData(form, (d) => d.action === 'activities.propose.save'), title: 'Kuntosali', when: '15.12. klo 10', place: 'Urheilutali', effort: 'high', travel: 'local', costLevel: 'low' };
    const saved = textOf(await bot.submit(aino, save));
    expect(saved).to.contain('Ehdotuksesi "Kuntosali" on tallennettu. Se on mukana seuraavassa äänestyksessä.');
    expect(saved).to.contain('Tämä ei ehkä sovi yhdelle ryhmästä. Voit silti ehdottaa sitä – kukaan ei näe, kenelle.');
    expect(saved).to.not.contain('Pekka');
    await bot.submit(aino, save);
    expect(await countDocs(bot, groupId, 'proposal')).to.equal(1);
    ids.gym = `proposal:${save.requestId}`;
  });

  it('refuses a time that has passed and brings the form back with what was typed', async () => {
    const form = await web.submit(kalle, { action: 'activities.propose' });
    const back = await web.submit(kalle, { ...buttonData(form, (d) => d.action === 'activities.propose.save'), title: 'Sähly', when: '30.11.2026 klo 10', effort: 'high' });
    expect(textOf(back)).to.contain('Se aika on jo mennyt. Anna tuleva aika.').and.contain('Ehdota aktiviteettia');
    expect(await countDocs(bot, groupId, 'proposal')).to.equal(1);
  });

  it('lets a member pick an idea from the library and adapt it (sv)', async () => {
    const library = await bot.submit(siri, { action: 'activities.ideas' });
    expect(textOf(library)).to.contain('Idébanken').and.contain('Naturpromenad med matsäck').and.contain('Bibliotekets makerspace').and.not.contain('✓ Gruppen har redan gjort det här');
    const form = await bot.submit(siri, buttonData(library, (d) => d.ideaId === 'natureWalk'));
    expect(textOf(form)).to.contain('Bygger på idén "Naturpromenad med matsäck" – ändra fritt.').and.contain('Passar alla');
    const save = buttonData(form, (d) => d.action === 'activities.propose.save');
    expect(save.ideaId).to.equal('natureWalk');
    const saved = textOf(await bot.submit(siri, { ...save, title: 'Naturpromenad i Nuuksio', when: 'lör 12.12 kl. 11', place: 'Haukankolo', effort: 'medium', travel: 'local', costLevel: 'free' }));
    expect(saved).to.equal('Ditt förslag "Naturpromenad i Nuuksio" är sparat. Det är med i nästa omröstning.');
    ids.walk = `proposal:${save.requestId}`;
  });

  it('asks for a proposal step by step (en), skipping the optional parts and asking a time again', async () => {
    expect(textOf(await bot.say(pekka, 'propose'))).to.equal('What could the group do? Write a short name.');
    expect(textOf(await bot.say(pekka, 'Museum visit'))).to.equal('Tell about it in a few words. (Type - to skip.)');
    expect(textOf(await bot.say(pekka, '-'))).to.equal('When? For example 15.12. 10:00 or tomorrow 14. (Type - to skip.)');
    expect(textOf(await bot.say(pekka, 'tomorrow 25'))).to.contain("I didn't understand the time. Write for example 15.12. 10:00 or tomorrow 14.");
    expect(textOf(await bot.say(pekka, 'tomorrow 14'))).to.equal('Where? (Type - to skip.)');
    await bot.say(pekka, 'Ateneum');
    expect(textOf(await bot.say(pekka, '-'))).to.contain('How physically demanding is it?');
    await bot.say(pekka, 'Light');
    await bot.say(pekka, 'Nearby, in town');
    expect(textOf(await bot.say(pekka, 'Free'))).to.equal('Anything else worth knowing? (Type - to skip.)');
    expect(textOf(await bot.say(pekka, '-'))).to.equal('Your proposal "Museum visit" is saved. It will be in the next vote.');
    const { resources } = await bot.app.store.containers.groups.items
      .query({ query: "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'proposal' AND c.title = 'Museum visit'", parameters: [{ name: '@g', value: groupId }] })
      .fetchAll();
    expect(resources[0].times).to.deep.equal(['2026-12-02T12:00:00.000Z']);
    expect(resources[0].demands).to.deep.equal({ effort: 'low', travel: 'local', cost: 'free' });
    ids.museum = resources[0].id;
  });

  it('lets only the author edit or withdraw a proposal', async () => {
    const home = await bot.submit(aino, { action: 'activities.home' });
    expect(textOf(home)).to.contain('Kuntosali (sinun ehdotuksesi)').and.contain('Naturpromenad i Nuuksio');
    const form = await bot.submit(aino, buttonData(home, (d) => d.action === 'activities.propose' && d.proposalId === ids.gym));
    expect(textOf(form)).to.contain('Muokkaa ehdotustasi');
    const edited = await bot.submit(aino, { ...buttonData(form, (d) => d.action === 'activities.propose.save'), title: 'Kuntosali', when: '15.12.2026 10.00', place: 'Urheilutalo', effort: 'high', travel: 'local', costLevel: 'low' });
    expect(textOf(edited)).to.contain('Muutokset ehdotukseen "Kuntosali" on tallennettu.');
    expect(textOf(await bot.submit(siri, { action: 'activities.withdraw', groupId, proposalId: ids.gym }))).to.equal('Bara den som gjorde förslaget kan ändra det.');
    const kform = await web.submit(kalle, { action: 'activities.propose' });
    const ksave = { ...buttonData(kform, (d) => d.action === 'activities.propose.save'), title: 'Sähly', effort: 'high' };
    await web.submit(kalle, ksave);
    expect(textOf(await web.submit(kalle, { action: 'activities.withdraw', groupId, proposalId: `proposal:${ksave.requestId}` }))).to.equal(
      'Peruit ehdotuksen "Sähly". Se ei ole mukana äänestyksessä.',
    );
  });

  it('opens a round for the leader only, and sends each member their own card with who-sees-what said truthfully', async () => {
    expect(textOf(await bot.submit(aino, { action: 'activities.round.open', groupId, date: '2026-12-04', time: '18:00' }))).to.contain('Vain ryhmän oma ohjaaja voi tehdä sen.');
    expect(textOf(await bot.submit(leader, { action: 'activities.round.open', groupId, date: '2026-11-30', time: '18:00' }))).to.contain('Päättymisajan pitää olla tulevaisuudessa.');
    expect(textOf(await bot.submit(leader, { action: 'activities.round.open', groupId, date: '2026-12-04', time: '18:00' }))).to.equal(
      'Äänestys on auki pe 4.12. klo 18.00 asti. Lähetän sen ryhmälle.',
    );
    const from = mark();
    await tickAt('2026-12-01T10:00:00.000Z');
    const ainoCard = textOf(since(from, aino));
    expect(ainoCard).to.contain('Rastita jokainen aktiviteetti, johon lähtisit mukaan. Voit muuttaa valintojasi pe 4.12. klo 18.00 asti.');
    expect(ainoCard).to.contain('Ryhmä näkee vain äänimäärät. Kukaan – ei ohjaajakaan – näe, kuka äänesti mitä. Ohjaaja näkee, kuka ei ole vielä äänestänyt.');
    expect(ainoCard).to.contain('Lähtisin mukaan: Kuntosali').and.not.contain('Vain sinulle');
    expect(textOf(since(from, siri))).to.contain('Kryssa för varje aktivitet du skulle vara med på.');
    expect(textOf(since(from, pekka))).to.contain('Only for you: this may be hard with what you told me. You can still vote, or tell the leader.');
    const leaderCard = textOf(since(from, leader));
    expect(leaderCard).to.contain('Ei ehkä sovi yhdelle').and.contain('Sopii kaikille').and.contain('Ei vielä äänestänyt: Aino, Siri, Pekka, Kalle');
    expect(leaderCard).to.not.contain('Lähtisin mukaan').and.not.contain('Vain sinulle');
    expect(textOf(await bot.submit(aino, { action: 'activities.propose', groupId, proposalId: ids.gym }))).to.contain(
      'Ehdotus on jo äänestyksessä, joten sitä ei voi enää muuttaa.',
    );
  });

  it('counts a tick once however often it is pressed, lets a vote change, and shows the leader who has not voted', async () => {
    const first = await vote(aino, 'gym');
    expect(textOf(first)).to.contain('Valintasi on tallennettu. Voit muuttaa sitä pe 4.12. klo 18.00 asti.').and.contain('Kuntosali — 1 ääni').and.contain('✓ Olet mukana');
    expect(textOf(await vote(aino, 'gym'))).to.contain('Kuntosali — 1 ääni');
    await vote(siri, 'gym');
    await vote(siri, 'walk');
    await vote(pekka, 'museum');
    await vote(pekka, 'museum', false);
    expect(textOf(await vote(pekka, 'walk'))).to.contain('Museum visit — 0 votes').and.contain('Naturpromenad i Nuuksio — 2 votes');
    // One document per (proposal, voter): 5 ticks or unticks, and each voter's "none of these" that a tick takes back.
    expect(await countDocs(bot, groupId, 'vote')).to.equal(8);
    const leaderView = textOf(await bot.submit(leader, { action: 'activities.round.show', groupId, roundId: 'round:1' }));
    expect(leaderView).to.contain('Ei vielä äänestänyt: Kalle').and.contain('Kuntosali — 2 ääntä');
  });

  it('nudges only the participant who has not voted, once, a day before the deadline', async () => {
    let from = mark();
    await tickAt('2026-12-03T15:59:00.000Z');
    expect(since(from, kalle)).to.deep.equal([]);
    await tickAt('2026-12-03T16:00:00.000Z');
    expect(textOf(since(from, kalle))).to.contain('Äänestys päättyy pe 4.12. klo 18.00, etkä ole vielä rastittanut mitään.');
    for (const p of [aino, siri, pekka, leader]) expect(since(from, p), p.name).to.deep.equal([]);
    from = mark();
    await tickAt('2026-12-03T17:00:00.000Z');
    expect(since(from, kalle)).to.deep.equal([]);
  });

  it('refuses forged, stale, cross-group and non-member votes with a message and records nothing', async () => {
    const before = await countDocs(bot, groupId, 'vote');
    const stranger = person('Outi', 'fi');
    await bot.install(stranger);
    expect(textOf(await bot.submit(stranger, { action: 'activities.vote', groupId, roundId: 'round:1', proposalId: ids.gym, approve: true }))).to.equal('Se kuuluu ryhmälle, jossa et ole mukana, joten en tallentanut mitään.');
    expect(textOf(await bot.submit(leader, { action: 'activities.vote', groupId, roundId: 'round:1', proposalId: ids.gym, approve: true }))).to.equal('Vain ryhmän osallistujat äänestävät tässä.');
    expect(textOf(await bot.submit(aino, { action: 'activities.vote', groupId, roundId: 'round:1', proposalId: 'proposal:forged', approve: true }))).to.equal('Se ehdotus ei ole tässä äänestyksessä.');
    expect(textOf(await bot.submit(aino, { action: 'activities.vote', groupId, roundId: 'round:9', proposalId: ids.gym, approve: true }))).to.equal('En löytänyt sitä äänestystä.');
    expect(textOf(await bot.submit(aino, { action: 'activities.vote', groupId: 'g-other', roundId: 'round:1', proposalId: ids.gym, approve: true }))).to.equal('En löytänyt sitä ryhmää enää.');
    expect(textOf(await bot.submit(siri, { action: 'activities.vote', groupId, roundId: 'round:1', proposalId: ids.gym, approve: 'kanske' }))).to.contain('Den knappen kommer från ett äldre');
    expect(await countDocs(bot, groupId, 'vote')).to.equal(before);
  });

  it('closes at the deadline, announces a tie with the counts, lets the leader pick and schedule it as a meeting', async () => {
    const from = mark();
    await tickAt('2026-12-04T16:00:00.000Z');
    await bot.app.scheduler.tick();
    const ainoResult = textOf(since(from, aino));
    expect(ainoResult).to.contain('Äänestyksen tulos').and.contain('Äänestys päättyi määräaikaan.').and.contain('Kuntosali: 2 ääntä').and.contain('Museum visit: 0 ääntä');
    expect(ainoResult).to.contain('Tasapeli: "Kuntosali", "Naturpromenad i Nuuksio". Ohjaaja valitsee näistä yhden.');
    expect(submitActions(since(from, aino))).to.deep.equal([]);
    const leaderResult = since(from, leader);
    expect(textOf(leaderResult)).to.contain('Tasapeli. Valitse yksi näistä – ryhmä näkee valintasi.');
    expect(textOf(await vote(aino, 'gym', false))).to.equal('Äänestys on jo päättynyt, joten en tallentanut mitään.');
    expect(textOf(await bot.submit(aino, buttonData(leaderResult, (d) => d.action === 'activities.pick' && d.proposalId === ids.walk)))).to.contain('Vain ryhmän oma ohjaaja voi tehdä sen.');

    const picked = await bot.submit(leader, buttonData(leaderResult, (d) => d.action === 'activities.pick' && d.proposalId === ids.walk));
    expect(textOf(picked)).to.contain('Ohjaaja valitsi tasapelistä: "Naturpromenad i Nuuksio".');
    const form = await bot.submit(leader, buttonData(picked, (d) => d.action === 'activities.schedule'));
    const field = (id: string) => (form[0]?.attachments?.[0]?.content.body as any[]).find((e) => e.id === id)?.value;
    // The winner's title, place and suggested time (Sat 12 Dec 11:00 in Helsinki).
    expect(['title', 'place', 'date', 'time'].map(field)).to.deep.equal(['Naturpromenad i Nuuksio', 'Haukankolo', '2026-12-12', '11:00']);
    const done = textOf(await bot.submit(leader, { action: 'meeting.save', title: field('title'), date: '2026-12-10', time: '10:00', duration: '180', place: field('place') }));
    expect(done).to.contain('Naturpromenad i Nuuksio').and.contain('10.00');
    const { resources } = await bot.app.store.containers.groups.items
      .query({ query: "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'session'", parameters: [{ name: '@g', value: groupId }] })
      .fetchAll();
    expect(resources.map((s) => s.activityId)).to.deep.equal([ids.walk]);
    expect(textOf(await bot.submit(siri, { action: 'activities.ideas', groupId }))).to.contain('✓ Gruppen har redan gjort det här');
  });

  it('opens the next round by itself at the set number of proposals and closes it as soon as everyone has voted', async () => {
    clock.set('2026-12-05T08:00:00.000Z');
    expect(textOf(await bot.submit(leader, { action: 'activities.settings.save', groupId, autoOpenAt: '2' }))).to.equal('Asetus on tallennettu.');
    const propose = async (p: Person, title: string) => {
      const via = p === kalle ? web : bot;
      const form = await via.submit(p, { action: 'activities.propose', groupId });
      return textOf(await via.submit(p, { ...buttonData(form, (d) => d.action === 'activities.propose.save'), title, effort: 'low', travel: 'none', costLevel: 'free' }));
    };
    expect(await propose(aino, 'Kokataan keittoa')).to.not.contain('avautui');
    expect(await propose(kalle, 'Korjauskahvila')).to.contain('Ehdotuksia on nyt 2, joten äänestys avautui itsestään.');
    const from = mark();
    await bot.app.scheduler.tick();
    const card = since(from, aino);
    expect(textOf(card)).to.contain('Voit muuttaa valintojasi ti 8.12. klo 10.00 asti.');
    const soup = buttonData(card, (d) => d.action === 'activities.vote').proposalId;
    // Web Chat cannot update a message: even with the card's id the answer is a new card with Action.Submit.
    const reply = await web.turn(kalle, { type: 'message', value: { action: 'activities.vote', groupId, roundId: 'round:2', proposalId: soup, approve: true }, replyToId: 'act-1' });
    expect(bot.connector.received.at(-1)?.method).to.equal('POST');
    expect(JSON.stringify(reply)).to.contain('Action.Submit').and.not.contain('Action.Execute');
    for (const p of [aino, siri]) await bot.submit(p, { action: 'activities.vote', groupId, roundId: 'round:2', proposalId: soup, approve: true });
    const last = textOf(await bot.submit(pekka, { action: 'activities.vote', groupId, roundId: 'round:2', proposalId: soup, approve: true }));
    expect(last).to.contain('Everyone voted, so the vote has ended.').and.contain('"Kokataan keittoa" got the most votes (4).');
  });

  it('never shows a participant\'s limits to anyone else (every card of this run scanned)', () => {
    const others = bot.connector.received.filter((r) => r.conversationId !== pekka.conversationId);
    expect(others.length).to.be.greaterThan(50);
    for (const r of others) for (const text of limitTexts) expect(JSON.stringify(r.body), r.conversationId).to.not.contain(text);
  });
});
