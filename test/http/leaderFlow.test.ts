import { expect } from 'chai';
import { ManualClock } from '../scheduler/support';
import { CosmosLeaderRepository } from '../../src/store/leader';
import { BotHarness, createGroupAs, onboardAndJoin, person, submitActions, textOf } from '../support/botHarness';

/**
 * The leader's side over the Bot Framework protocol: only the group's own leader sees its glance and
 * answers its alerts; a participant and the leader of another group are refused and change nothing.
 */
describe("HTTP: the leader's side (glance, alert answers) and who may use it", function () {
  this.timeout(60_000);
  const clock = new ManualClock('2026-12-01T08:00:00.000Z');
  const bot = new BotHarness();
  const leena = person('Leena', 'fi');
  const lars = person('Lars', 'sv');
  const aino = person('Aino', 'fi');
  let groupId = '';
  let repo: CosmosLeaderRepository;
  const alertId = () => `alert:msteams:aad-${aino.id}:2026-12-01`;
  const feedback = (answer: string, why = '') => ({ action: 'leader.alertFeedback', groupId, alertId: alertId(), answer, why });

  before(async () => {
    await bot.start({}, { clock });
    for (const [leader, name, language] of [[leena, 'Kuntosali', 'Suomi'], [lars, 'Gympa', 'Svenska']] as const) {
      await bot.install(leader);
      const code = await createGroupAs(bot, leader, { leader: leader === leena ? 'Leena' : 'Lars', group: name, language });
      if (leader === leena) await onboardAndJoin(bot, aino, code);
    }
    groupId = submitActions(await bot.submit(leena, { action: 'meetings' })).find((a) => a.data.action === 'meeting.new')!.data.groupId;
    repo = new CosmosLeaderRepository(bot.app.store.containers);
    // An alert as the evaluation job would have stored it (written here by hand).
    await repo.createAlert({
      type: 'leaderAlert', id: alertId(), groupId, userId: `msteams:aad-${aino.id}`, leaderId: `msteams:aad-${leena.id}`, day: '2026-12-01',
      reasons: [{ code: 'missed', missed: 2, of: 3 }], createdAt: '2026-12-01T07:00:00.000Z',
    });
  });
  after(async () => bot.stop());

  it('offers "Group at a glance" in the leader\'s menu only', async () => {
    expect(submitActions(await bot.submit(leena, { action: 'menu' })).map((a) => a.title)).to.include('Ryhmä yhdellä silmäyksellä');
    expect(submitActions(await bot.submit(aino, { action: 'menu' })).map((a) => a.title)).to.not.include('Ryhmä yhdellä silmäyksellä');
  });

  it('shows the glance to the group\'s leader, by button or typed word in any language', async () => {
    for (const typed of ['tilanne', 'läget', 'group at a glance']) {
      expect(textOf(await bot.say(leena, typed)), typed).to.equal('Kuntosali yhdellä silmäyksellä\nAino: uusi, vielä liian aikaista sanoa\nNämä ovat syitä jutella, eivät arvioita.');
    }
    expect(textOf(await bot.submit(lars, { action: 'leader.glance' }))).to.equal('Gympa i korthet\nGruppen har inga deltagare än.\nDet här är skäl att prata, inte omdömen.');
  });

  it('refuses every leader action to a participant and to the leader of another group, changing nothing', async () => {
    expect(textOf(await bot.submit(aino, { action: 'leader.glance' }))).to.equal('Vain ryhmien ohjaajat voivat tehdä sen. Jos ohjaat ryhmiä, valitse valikosta "Olen ryhmän ohjaaja".');
    expect(textOf(await bot.say(aino, 'tilanne'))).to.not.contain('Kuntosali yhdellä silmäyksellä');
    expect(textOf(await bot.submit(aino, feedback('handled')))).to.equal('Vain ryhmän oma ohjaaja voi tehdä sen.');
    expect(textOf(await bot.submit(lars, feedback('not_useful', 'x')))).to.equal('Bara gruppens egen ledare kan göra det.');
    expect((await repo.getAlert(groupId, alertId()))?.feedback).to.equal(undefined);
    expect(await repo.listContacts(groupId, `msteams:aad-${aino.id}`)).to.deep.equal([]);
  });

  it("stores the leader's answer and the contact; a forged answer is a stale card", async () => {
    // "I'll reach out" also opens the message to Aino (test/http/guidance.test.ts); cancelled here.
    expect(textOf(await bot.submit(leena, feedback('reach_out')))).to.match(/^Kiitos\. Merkitsin, että otat yhteyttä: Aino\.\nViesti: Aino\n/);
    await bot.say(leena, 'peruuta');
    expect((await repo.getAlert(groupId, alertId()))?.feedback).to.deep.equal({ answer: 'reach_out', at: '2026-12-01T08:00:00.000Z' });
    expect((await repo.listContacts(groupId, `msteams:aad-${aino.id}`)).map((c) => c.kind)).to.deep.equal(['reach_out']);
    expect(textOf(await bot.submit(leena, { ...feedback('reach_out'), answer: 'ignore' }))).to.not.contain('Kiitos');
    expect(textOf(await bot.submit(leena, { ...feedback('handled'), alertId: 'alert:nobody:2026-12-01' }))).to.equal('En löydä tätä huomiota enää. Avaa ryhmän tilanne valikosta.');
  });

  it("tells a participant in their data view which signals the leader sees, and that there is no score", async () => {
    expect(textOf(await bot.submit(aino, { action: 'privacy' }))).to.contain(
      'Ohjaajasi näkee, tulitko tapaamisiin, kerroitko tulostasi ja tavoittaako botti sinut (ei taukosi aikana). Jos näitä kertyy useampi, ohjaaja saa vinkin ottaa yhteyttä. Pisteitä ei ole, eikä kirjoittamiasi tekstejä näytetä.',
    );
    await bot.say(aino, 'Ei');
  });

  it('forgets everything the early warning kept about a person when they delete their data', async () => {
    const aino_ = `msteams:aad-${aino.id}`;
    await repo.saveState({ type: 'leaderWatch', id: `watch:${aino_}`, groupId, userId: aino_, status: 'flagged', updatedAt: '2026-12-01T07:00:00.000Z' });
    await bot.submit(aino, { action: 'privacy' });
    expect(textOf(await bot.say(aino, 'Kyllä'))).to.contain('Poistin kaikki tietosi');
    expect(await repo.getAlert(groupId, alertId())).to.equal(undefined);
    expect(await repo.listContacts(groupId, aino_)).to.deep.equal([]);
    expect(await repo.listStates(groupId)).to.deep.equal([]);
  });
});
