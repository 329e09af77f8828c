import { expect } from 'chai';
import { ManualClock } from '../scheduler/support';
import { BotHarness, inviteCodeIn, onboardAndJoin, person, textOf, type Person } from '../support/botHarness';
import { LoopbackChannelAuth, TestCredentialsFactory, testIssuer } from '../support/channelAuth';

const wrongInvite = 'ZZZZZ-ZZZZZ';
const en = {
  invalid: "That code doesn't work. Please check it – it looks like ABCDE-FGHJK.",
  limited: /That was several wrong codes in a row\. For safety, please wait \d+ min and try again\./,
  conflict: 'Someone changed the same thing at the same moment. Please try again – nothing was lost.',
  signupInvalid: "That sign-up code isn't right.",
};

/** What each answer said: wrong / limited / conflict / other. */
function tally(answers: string[]): Record<string, number> {
  const counts: Record<string, number> = { wrong: 0, limited: 0, tryAgain: 0, notAsked: 0, other: 0 };
  for (const a of answers) {
    if (a.includes(en.invalid) || a.includes(en.signupInvalid)) counts.wrong!++;
    else if (en.limited.test(a)) counts.limited!++;
    else if (a.includes(en.conflict) || /try again/.test(a)) counts.tryAgain!++;
    // The question was answered by an earlier turn of the burst, so this text reached no open question.
    else if (a.includes("I didn't quite get that")) counts.notAsked!++;
    else counts.other!++;
  }
  return counts;
}

describe('reliability: guessing codes over HTTP', function () {
  let bots: BotHarness[] = [];
  /** The person's counted tries in the window, as stored. */
  const tries = async (p: Person) => {
    for (const bot of bots) {
      const { resource } = await bot.app.store.containers.users.item('codeAttempts', `msteams:aad-${p.id}`).read();
      if (resource) return (resource.failures as string[]).length;
    }
    return 0;
  };
  const figures: Array<Record<string, unknown>> = [];
  after(() => console.table(figures));

  describe('invite codes (local mode)', () => {
    const clock = new ManualClock('2026-11-25T08:00:00.000Z');
    const bot = new BotHarness();
    let code = '';
    before(async () => {
      await bot.start({}, { clock });
      bots = [bot];
      const leader = person('Leena', 'en');
      await bot.submit(leader, { action: 'newGroup' });
      await bot.say(leader, 'Leena'); // the leader's name, asked before the first group
      await bot.say(leader, 'Walkers');
      await bot.say(leader, 'Europe/Helsinki');
      code = inviteCodeIn(await bot.say(leader, 'English'));
    });
    after(async () => bot.stop());

    /** Onboarded and asked for the code, which they do not give: no try used yet. */
    async function consenting(p: Person) {
      await onboardAndJoin(bot, p, 'cancel');
    }
    const inGroup = async (p: Person) => (await bot.app.store.containers.users.item(`msteams:aad-${p.id}`, `msteams:aad-${p.id}`).read()).resource?.groupId;

    it('counts all of 30 concurrent wrong codes from one person: at most 5 are looked at, then the right one waits', async () => {
      const p = person('Guesser', 'en');
      await consenting(p);
      const answers = await bot.sayAll(p, Array.from({ length: 30 }, () => wrongInvite));
      const counts = tally(answers);
      figures.push({ test: 'invite: 30 concurrent wrong', ...counts, counted: await tries(p) });
      expect(counts.wrong).to.be.at.most(5);
      expect(await tries(p)).to.equal(counts.wrong);
      expect(counts.other).to.equal(0);
      // How many of a burst reach the check depends on timing; the rest of the allowance, one by one.
      for (let left = 5 - counts.wrong!; left > 0; left--) expect(textOf(await bot.say(p, wrongInvite))).to.contain(en.invalid);
      expect(await tries(p)).to.equal(5);
      expect(textOf(await bot.say(p, code))).to.match(en.limited);
      expect(await inGroup(p)).to.equal(undefined);
    });

    it('never lets the right code through in 200 sequential tries before the wait, and does after it', async () => {
      const p = person('Patient', 'en');
      await consenting(p);
      const answers: string[] = [];
      let through = 0;
      for (let i = 0; i < 200; i++) {
        const right = i >= 5 && i % 2 === 1;
        const answer = textOf(await bot.say(p, right ? code : wrongInvite));
        answers.push(answer);
        if (answer.includes('Welcome to the group')) through++;
      }
      const counts = tally(answers);
      figures.push({ test: 'invite: 200 sequential (right code every other try after 5)', ...counts, through });
      expect(through).to.equal(0);
      expect(counts.wrong).to.equal(5);
      expect(counts.limited).to.equal(195);
      clock.advance(15 * 60_000 + 1000);
      expect(textOf(await bot.say(p, code))).to.contain('Welcome to the group "Walkers"');
    });
  });

  describe('the leader sign-up code (with an app id: local mode lets anyone lead)', () => {
    const appId = '6f1b2c1e-0000-4000-8000-0000000000bb';
    const signupCode = 'lead-the-way-2026';
    const clock = new ManualClock('2026-11-25T08:00:00.000Z');
    const auth = new LoopbackChannelAuth();
    const bot = new BotHarness();
    before(async () => {
      await auth.start();
      await bot.start(
        { MicrosoftAppId: appId, MicrosoftAppPassword: 'not-used-offline', HOST: '127.0.0.1', LEADER_SIGNUP_CODE: signupCode },
        { clock, allowLoopbackServiceUrl: true, channelAuth: { openIdMetadataUrl: auth.openIdMetadataUrl, tokenIssuer: testIssuer }, credentialsFactory: new TestCredentialsFactory(appId) },
      );
      bot.authorize = (a) => auth.token({ aud: appId, serviceurl: String(a.serviceUrl) });
      bots = [bot];
    });
    after(async () => {
      await bot.stop();
      await auth.stop();
    });
    const canLead = async (p: Person) => (await bot.app.store.containers.users.item(`msteams:aad-${p.id}`, `msteams:aad-${p.id}`).read()).resource?.canLead === true;
    const tryCode = async (p: Person, code: string) => {
      await bot.submit(p, { action: 'becomeLeader' });
      return textOf(await bot.say(p, code));
    };

    it('counts all of 30 concurrent wrong sign-up codes: at most 5 are looked at, then the right one waits', async () => {
      const p = person('Staff', 'en');
      // Each try needs the question first; 30 people-turns at once answer the same open question.
      await bot.submit(p, { action: 'becomeLeader' });
      const answers = await bot.sayAll(p, Array.from({ length: 30 }, () => 'wrong-code-1234'));
      const counts = tally(answers);
      figures.push({ test: 'sign-up: 30 concurrent wrong', ...counts, counted: await tries(p) });
      expect(counts.wrong).to.be.at.most(5);
      expect(await tries(p)).to.equal(counts.wrong);
      expect(counts.other).to.equal(0);
      // Turns that read the question after an earlier one of the burst answered it find nothing to
      // answer (notAsked): how many reach the check depends on timing. The rest of the allowance, one by one.
      for (let left = 5 - counts.wrong!; left > 0; left--) expect(await tryCode(p, 'wrong-code-1234')).to.contain(en.signupInvalid);
      expect(await tries(p)).to.equal(5);
      expect(await tryCode(p, signupCode)).to.match(en.limited);
      expect(await canLead(p)).to.equal(false);
    });

    it('never accepts the right sign-up code in 200 sequential tries before the wait, and does after it', async () => {
      const p = person('Patient staff', 'en');
      const answers: string[] = [];
      for (let i = 0; i < 200; i++) answers.push(await tryCode(p, i >= 5 && i % 2 === 1 ? signupCode : 'wrong-code-1234'));
      const counts = tally(answers);
      figures.push({ test: 'sign-up: 200 sequential (right code every other try after 5)', ...counts, through: (await canLead(p)) ? 1 : 0 });
      expect(await canLead(p)).to.equal(false);
      expect(counts.wrong).to.equal(5);
      expect(counts.limited).to.equal(195);
      clock.advance(15 * 60_000 + 1000);
      expect(await tryCode(p, signupCode)).to.contain('Done – you can now create and lead groups.');
      expect(await canLead(p)).to.equal(true);
    });
  });
});
