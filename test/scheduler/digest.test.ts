import { expect } from 'chai';
import type { SchedulerRunner } from '../../src/scheduler/runner';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import { freshStore } from '../support/cosmos';
import { leaderId, makeWorld, memberIds, type World } from './support';

const digestTexts = /^(Ei uutta|Koosteesi|Inget nytt|Ditt sammandrag|Nothing new|Your digest)/;
/** The digests the leader got: text and the text blocks of each card. */
const digestsOf = (w: World) =>
  w.messenger.sent
    .filter((s) => s.ownerId === leaderId && digestTexts.test(s.message.text ?? ''))
    .map((s) => ({ text: s.message.text, cards: (s.message.cards ?? []).map((c) => (c as { body: Array<{ text?: string; type: string }> }).body.filter((b) => b.type === 'TextBlock').map((b) => b.text)) }));

async function twoRunners(store: CosmosStore, start: string) {
  const w = await makeWorld(store, start, 'Europe/Helsinki');
  const runners: SchedulerRunner[] = [w.runner('runner-a'), w.runner('runner-b')];
  const at = async (iso: string) => {
    w.clock.set(iso);
    for (let i = 0; i < 30; i++) {
      const reports = await Promise.all(runners.map((r) => r.tick()));
      if (reports.every((r) => r.due === 0)) return;
    }
    throw new Error('still due');
  };
  return { w, at };
}

/*
 * The leader's digest as scheduler jobs, two runners ticking the same store. Helsinki: 08:00 local is
 * 06:00Z in winter and 05:00Z in summer (EU changes on 29 Mar and 25 Oct 2026).
 */
describe('leader digest jobs: at the chosen local time across DST, exactly once with two runners', function () {
  this.timeout(180_000);

  describe('weekly (the default: Monday 08:00), spring change, nothing new', () => {
    let store: CosmosStore;
    let ctx: Awaited<ReturnType<typeof twoRunners>>;
    before(async () => {
      store = await freshStore('digestspring');
      ctx = await twoRunners(store, '2026-03-18T10:00:00.000Z');
      await ctx.w.app.services.digest.ensurePlanned(leaderId);
    });
    after(async () => store.close());

    it('sends one line, once, at 08:00 local on Monday 23 March (06:00Z) and on Monday 30 March (05:00Z, summer time)', async () => {
      await ctx.at('2026-03-23T05:59:00.000Z');
      expect(digestsOf(ctx.w)).to.deep.equal([]);
      await ctx.at('2026-03-23T06:00:00.000Z');
      expect(digestsOf(ctx.w)).to.deep.equal([{ text: 'Ei uutta ryhmissäsi ma 16.3. klo 8.00 jälkeen.', cards: [] }]);
      await ctx.at('2026-03-30T04:59:00.000Z');
      expect(digestsOf(ctx.w)).to.have.length(1);
      await ctx.at('2026-03-30T05:00:00.000Z');
      await ctx.at('2026-03-30T05:01:00.000Z');
      expect(digestsOf(ctx.w).map((d) => d.text)).to.deep.equal(['Ei uutta ryhmissäsi ma 16.3. klo 8.00 jälkeen.', 'Ei uutta ryhmissäsi ma 23.3. klo 8.00 jälkeen.']);
      const done = await ctx.w.jobs.listFinished(`digest:${leaderId}`, { statuses: ['sent'] });
      expect(done.map((j) => j.id).sort()).to.deep.equal([`leader.digest:${leaderId}:2026-03-23T08:00`, `leader.digest:${leaderId}:2026-03-30T08:00`]);
    });
  });

  describe('daily, autumn change, with a meeting, check-ins and a change of time (in English)', () => {
    let store: CosmosStore;
    let ctx: Awaited<ReturnType<typeof twoRunners>>;
    before(async () => {
      store = await freshStore('digestautumn');
      ctx = await twoRunners(store, '2026-10-23T10:00:00.000Z');
      const { w } = ctx;
      const leader = (await w.users.get(leaderId))!;
      await w.users.save({ ...leader, locale: 'en' });
      const group = (await w.app.repositories.groups.get(w.group.groupId))!;
      const names = ['Anna', 'Ben', 'Cai', 'Dora'];
      await w.app.repositories.groups.replace({ ...group, members: group.members.map((m, i) => ({ ...m, displayName: names[i]! })) });
      expect(await w.app.services.digest.saveSettings(leaderId, { cadence: 'daily', weekday: 1, time: '08:00', beforeMeetings: true })).to.deep.equal({
        dueAt: '2026-10-24T05:00:00.000Z',
        zone: 'Europe/Helsinki',
      });
      const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, { title: 'Gym', start: '2026-10-27T10:00', durationMinutes: 90, place: 'Sports hall' });
      await w.attendance.rsvp(memberIds[0], w.group.groupId, meeting.id, 'yes');
      await w.attendance.rsvp(memberIds[1], w.group.groupId, meeting.id, 'no');
      // An open vote round: Anna ticked, Ben ticked and took it back, Cai said none of these suits him, Dora did nothing.
      const activities = w.app.repositories.activities;
      const entry = { proposalId: 'proposal:p1', title: 'Museum', description: '', place: 'Ateneum', cost: '', times: [], demands: { effort: 'low' as const, travel: 'local' as const, cost: 'low' as const } };
      const round = await activities.createRound(
        { id: 'round:1', groupId: w.group.groupId, status: 'open', deadline: '2026-10-30T15:00:00.000Z', proposalIds: ['proposal:p1'], entries: [entry], revision: 1, openedBy: leaderId, openedAt: '2026-10-23T10:00:00.000Z', updatedAt: '2026-10-23T10:00:00.000Z' },
        [],
      );
      const vote = (userId: string, proposalId: string, approved: boolean) => ({
        type: 'vote' as const, id: `vote:round:1:${proposalId}:${userId}`, groupId: w.group.groupId, roundId: 'round:1', proposalId, userId, approved, at: '2026-10-23T11:00:00.000Z',
      });
      await activities.recordVotes([vote(memberIds[0], 'proposal:p1', true), vote(memberIds[1], 'proposal:p1', false), vote(memberIds[2], 'none', true)], round);
      const put = w.app.repositories.checkIns.put.bind(w.app.repositories.checkIns);
      await put({ id: 'checkin:a1', userId: memberIds[0], groupId: w.group.groupId, mood: 4, did: 'Sent two applications.', strengths: ['plannedAhead'], nextStep: { text: 'Call the library', date: '2026-10-26' }, shared: true, createdAt: '2026-10-23T12:00:00.000Z' });
      await put({ id: 'checkin:b1', userId: memberIds[1], groupId: w.group.groupId, mood: 1, did: 'A private word.', strengths: [], nextStep: { text: 'A private step' }, shared: false, createdAt: '2026-10-23T13:00:00.000Z' });
    });
    after(async () => store.close());

    it('sends the card at 08:00 local on Saturday (05:00Z), once, with RSVPs, who has not voted (a tick taken back is no vote, none of these is one), check-ins (shared in full, private counted only) and the picture', async () => {
      await ctx.at('2026-10-24T04:59:00.000Z');
      expect(digestsOf(ctx.w)).to.deep.equal([]);
      await ctx.at('2026-10-24T05:00:00.000Z');
      const [first] = digestsOf(ctx.w);
      expect(digestsOf(ctx.w)).to.have.length(1);
      expect(first).to.deep.equal({
        text: 'Your digest.',
        cards: [
          [
            'Digest: Kuntosali',
            'Since the last digest (Sat 17 Oct, 08:00)',
            'Next meetings',
            'Tue 27 Oct, 10:00: Gym',
            "Coming: Anna\n\nCan't come: Ben\n\nHaven't answered: Cai, Dora",
            'The vote is open until Fri 30 Oct, 17:00',
            "Haven't voted yet: Ben, Dora",
            'Check-ins',
            'Anna: 1 check-in\n\nBen: 1 check-in',
            'Anna shared: 23 Oct: mood good. Sent two applications. Strengths: I planned ahead. Next step: Call the library',
            'Next steps (shared)',
            'Anna: Call the library (Mon 26 Oct)',
            'Taking part, week by week',
            'Weeks 14 Sept–19 Oct, oldest first (meetings, answers, votes and check-ins together): Anna 0, 0, 0, 0, 0, 1; Ben 0, 0, 0, 0, 0, 1; Cai 0, 0, 0, 0, 0, 0; Dora 0, 0, 0, 0, 0, 0.',
          ],
        ],
      });
      expect(JSON.stringify(ctx.w.messenger.sent)).to.not.contain('A private');
    });

    it('sends at 08:00 local on Sunday 25 October after the clocks went back (06:00Z), once', async () => {
      await ctx.at('2026-10-25T05:00:00.000Z');
      expect(digestsOf(ctx.w)).to.have.length(1);
      await ctx.at('2026-10-25T06:00:00.000Z');
      expect(digestsOf(ctx.w)).to.have.length(2);
      expect(digestsOf(ctx.w)[1]!.cards[0]!.slice(0, 2)).to.deep.equal(['Digest: Kuntosali', 'Since the last digest (Sat 24 Oct, 08:00)']);
    });

    it('re-plans when the leader changes the time: 07:30 comes, the old 08:00 job is skipped', async () => {
      ctx.w.clock.set('2026-10-25T07:00:00.000Z');
      expect(await ctx.w.app.services.digest.saveSettings(leaderId, { cadence: 'daily', weekday: 1, time: '07:30', beforeMeetings: true })).to.deep.equal({
        dueAt: '2026-10-26T05:30:00.000Z',
        zone: 'Europe/Helsinki',
      });
      await ctx.at('2026-10-26T05:30:00.000Z');
      await ctx.at('2026-10-26T06:00:00.000Z');
      expect(digestsOf(ctx.w)).to.have.length(3);
      const done = await ctx.w.jobs.listFinished(`digest:${leaderId}`);
      expect(done.map((j) => [j.id.slice(-16), j.status, j.result?.reason ?? '']).sort()).to.deep.equal([
        ['2026-10-24T08:00', 'sent', ''],
        ['2026-10-25T08:00', 'sent', ''],
        ['2026-10-26T07:30', 'sent', ''],
        ['2026-10-26T08:00', 'skipped', 'replanned'],
      ]);
    });
  });
});
