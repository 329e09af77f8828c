import { expect } from 'chai';
import { features, parseCardValue } from '../../dialogs/router';
import type { CardRoute, Role } from '../../dialogs/shared/routes';
import { ManualClock } from '../scheduler/support';
import { BotHarness, createGroupAs, onboardAndJoin, onboardToCode, person, submitActions, textOf, type Person } from '../support/botHarness';
import { payloadFor, routeSample } from '../support/routePayloads';
import { changedBetween, scanStore } from '../support/storeScan';
import { LoopbackChannelAuth, TestCredentialsFactory, testIssuer } from '../support/channelAuth';

const appId = '6f1b2c1e-0000-4000-8000-0000000000ab';

/**
 * The router enforces every declared role, not only 'leader': each action open to one role only is
 * clicked by someone without it, and answered with that role's sentence in the clicker's language,
 * with nothing stored (the dialog stack aside). The actions are read from the features' routes.
 */
describe('HTTP: the router refuses a click of the wrong role, in the person\'s language, and records nothing', function () {
  const clock = new ManualClock('2026-11-25T08:00:00.000Z');
  const bot = new BotHarness();
  const auth = new LoopbackChannelAuth();
  const leader = person('Leena', 'fi');
  const ids = { groupId: '', meetingId: '' };

  before(async () => {
    // With an app id, as in Teams: leaders are the named ones (LEADER_IDS), not anyone (local mode lets anyone lead).
    await auth.start();
    await bot.start(
      { MicrosoftAppId: appId, MicrosoftAppPassword: 'not-used-offline', HOST: '127.0.0.1', LEADER_IDS: `msteams:aad-${leader.id}` },
      { clock, allowLoopbackServiceUrl: true, channelAuth: { openIdMetadataUrl: auth.openIdMetadataUrl, tokenIssuer: testIssuer }, credentialsFactory: new TestCredentialsFactory(appId) },
    );
    bot.authorize = (a) => auth.token({ aud: appId, serviceurl: String(a.serviceUrl) });
    await bot.install(leader);
    const code = await createGroupAs(bot, leader, { leader: 'Leena', group: 'Kävelijät' });
    const buttons = async () => submitActions(await bot.submit(leader, { action: 'meetings' })).map((a) => a.data);
    ids.groupId = (await buttons()).find((d) => d.action === 'meeting.new').groupId;
    await bot.submit(leader, { action: 'meeting.new', groupId: ids.groupId });
    await bot.submit(leader, { action: 'meeting.save', title: 'Kävely', date: '2026-12-09', time: '10:00', duration: '60', place: 'Puisto' });
    ids.meetingId = (await buttons()).find((d) => d.action === 'meeting.move').meetingId;
    await onboardAndJoin(bot, participant, code);
  });
  after(async () => {
    await bot.stop();
    await auth.stop();
  });
  const participant = person('Pekka', 'en');

  const sample = routeSample({ groupId: () => ids.groupId, meetingId: () => ids.meetingId, memberId: () => 'msteams:someone' });

  /** Actions the router itself checks (a form's answer belongs to its dialog), open to exactly this role. */
  const onlyFor = (role: Role): CardRoute[] =>
    features.flatMap((f) => f.actions).filter((r) => !('formAnswer' in r) && r.roles.length === 1 && r.roles[0] === role);

  async function refusals(actor: Person, role: Role) {
    const routes = onlyFor(role);
    expect(routes, `actions only for ${role}`).to.not.be.empty;
    const said: Record<string, string> = {};
    const before = await scanStore(bot.app.store);
    for (const route of routes) said[route.action] = textOf(await bot.submit(actor, payloadFor(route, sample)));
    const changed = changedBetween(before, await scanStore(bot.app.store)).filter((key) => !key.startsWith('botstate/'));
    return { said, changed };
  }

  it("'member': someone who has not given consent hears, in Finnish, that consent comes first", async () => {
    const newcomer = person('Niina', 'fi');
    await bot.install(newcomer);
    const { said, changed } = await refusals(newcomer, 'member');
    for (const [action, text] of Object.entries(said)) expect(text, action).to.equal('Tarvitsen ensin luvan tallentaa tietosi. Valitse "Aloita".');
    expect(changed).to.deep.equal([]);
  });

  it("'participant': someone who consented but is in no group hears, in Swedish, that they are not in a group", async () => {
    const outsider = person('Stina', 'sv');
    await onboardToCode(bot, outsider);
    await bot.say(outsider, 'avbryt');
    const { said, changed } = await refusals(outsider, 'participant');
    for (const [action, text] of Object.entries(said)) expect(text, action).to.equal('Du är inte med i någon grupp. Gå med i gruppen med koden från din ledare.');
    expect(changed).to.deep.equal([]);
  });

  it("'leader': a participant of the group hears, in English, that only leaders can", async () => {
    const { said, changed } = await refusals(participant, 'leader');
    expect(Object.keys(said)).to.include.members(['meeting.new', 'meeting.move', 'meeting.cancel', 'renewInvite']);
    for (const [action, text] of Object.entries(said)) expect(text, action).to.equal('Only group leaders can do that. If you lead groups, choose "I\'m a group leader" in the menu.');
    expect(changed).to.deep.equal([]);
  });

  describe('an old card from before the rename to "meeting" still works (dialogs/shared/legacyActions.ts)', () => {
    it('reads session.move / sessionId as meeting.move / meetingId, and an old payload missing a field as stale', () => {
      const parsed = parseCardValue({ action: 'session.move', groupId: 'g1', sessionId: 'session:m1' });
      expect(parsed?.route.action).to.equal('meeting.move');
      expect(parsed?.payload).to.deep.equal({ action: 'meeting.move', groupId: 'g1', meetingId: 'session:m1' });
      expect(parseCardValue({ action: 'rsvp', groupId: 'g1', sessionId: 'session:m1', answer: 'maybe' })?.payload).to.deep.equal({ action: 'rsvp', groupId: 'g1', meetingId: 'session:m1', answer: 'maybe' });
      expect(parseCardValue({ action: 'session.move', groupId: 'g1' })).to.equal(undefined);
      expect(parseCardValue({ action: 'rsvp', groupId: 'g1', sessionId: 'session:m1', answer: 'perhaps' })).to.equal(undefined);
    });

    it("an old RSVP button records the answer like today's; an old cancel button asks the leader like today's", async () => {
      const answered = await bot.submit(participant, { action: 'rsvp', groupId: ids.groupId, sessionId: ids.meetingId, answer: 'yes' });
      expect(textOf(answered)).to.equal('Thanks! I\'ve noted that you\'re coming to "Kävely".');
      const stored = await bot.app.store.containers.groups.items
        .query({ query: "SELECT c.answer FROM c WHERE c.type = 'rsvp' AND c.sessionId = @m", parameters: [{ name: '@m', value: ids.meetingId }] })
        .fetchAll();
      expect(stored.resources).to.deep.equal([{ answer: 'yes' }]);

      const asked = textOf(await bot.submit(leader, { action: 'session.cancel', groupId: ids.groupId, sessionId: ids.meetingId }));
      expect(asked).to.contain('Perutaanko tapaaminen "Kävely"');
      await bot.say(leader, 'ei');
    });

    it('an old button of a meeting that is not there gets the same answer as a new one would, and records nothing', async () => {
      const before = await scanStore(bot.app.store);
      const old = textOf(await bot.submit(participant, { action: 'rsvp', groupId: ids.groupId, sessionId: 'session:gone', answer: 'no' }));
      const today = textOf(await bot.submit(participant, { action: 'rsvp', groupId: ids.groupId, meetingId: 'session:gone', answer: 'no' }));
      expect(old).to.equal(today);
      expect(old).to.not.contain('older message');
      expect(changedBetween(before, await scanStore(bot.app.store)).filter((key) => !key.startsWith('botstate/'))).to.deep.equal([]);
    });
  });
});
