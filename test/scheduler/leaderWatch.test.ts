import { expect } from 'chai';
import type { Meeting } from '../../src/domain/meetings/model';
import { addMs } from '../../src/domain/shared/schedule';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import type { SchedulerRunner } from '../../src/scheduler/runner';
import { freshStore } from '../support/cosmos';
import { leaderId, makeWorld, memberIds, personalChat, personalRef, type World } from './support';

const [anna, ben, cai, dora] = memberIds;

/** The text blocks of the alert cards the leader got, one array per card. */
const alertsOf = (w: World, from = 0) =>
  w.messenger.sent
    .slice(from)
    .filter((s) => s.ownerId === leaderId && JSON.stringify(s.message.cards ?? []).includes('leader.alertFeedback'))
    .map((s) => (s.message.cards![0] as { body: Array<{ text?: string }> }).body.map((b) => b.text));

/*
 * Seven weekly meetings (Mondays 09:00 Helsinki, 07:00Z in winter) lived through on a manual clock with
 * two scheduler runners ticking side by side. The history, by hand:
 *   Anna comes to everything and answers every invitation.
 *   Ben comes to the first two, then misses three without answering (M3–M5), then comes again (M6, M7).
 *   Cai is paused from 20 Nov to 6 Dec and is marked absent during the pause (M3, M4).
 *   Dora joins on 25 Nov, cannot be reached until 2 Dec, misses M4 and comes from M5 on.
 * Window 21 days (so "the last three meetings"), alert at 4 points, recovered below 2, quiet 14 days.
 */
describe('early warning end to end: meetings → evaluation job → alert card, exactly once with two runners', function () {
  this.timeout(180_000);
  let store: CosmosStore;
  let w: World;
  let runners: SchedulerRunner[];
  const meetings: Meeting[] = [];
  const days = ['11-09', '11-16', '11-23', '11-30', '12-07', '12-14', '12-21'];
  const attendance: Record<string, string> = { [anna]: 'PPPPPPP', [ben]: 'PPAAAPP', [cai]: 'PPAAPPP', [dora]: '---APPP' };

  const drain = async () => {
    for (let i = 0; i < 30; i++) {
      const reports = await Promise.all(runners.map((r) => r.tick()));
      if (reports.every((r) => r.due === 0)) return;
    }
    throw new Error('still due');
  };
  const at = async (iso: string) => {
    w.clock.set(iso);
    await drain();
  };

  before(async () => {
    store = await freshStore('leaderwatch');
    w = await makeWorld(store, '2026-11-01T10:00:00.000Z', 'Europe/Helsinki', { LEADER_WINDOW_DAYS: '21' });
    runners = [w.runner('runner-a'), w.runner('runner-b')];
    const groups = w.app.repositories.groups;
    const group = (await groups.get(w.group.groupId))!;
    const names = ['Anna', 'Ben', 'Cai', 'Dora'];
    await groups.replace({
      ...group,
      members: group.members.map((m, i) => ({ ...m, displayName: names[i]!, ...(m.userId === dora ? { joinedAt: '2026-11-25T12:00:00.000Z' } : {}) })),
    });
    await w.refs.markUnreachable(dora, personalChat(dora), 403, new Date('2026-11-01T10:00:00.000Z'));
    for (const day of days) meetings.push(await w.meetings.scheduleMeeting(leaderId, w.group.groupId, { title: 'Kuntosali', start: `2026-${day}T09:00`, durationMinutes: 90, place: 'Urheilutalo' }));
    for (const [i, m] of meetings.entries()) {
      await w.attendance.rsvp(anna, w.group.groupId, m.id, 'yes');
      if (![2, 3, 4].includes(i)) await w.attendance.rsvp(ben, w.group.groupId, m.id, 'yes');
      if (i >= 4) await w.attendance.rsvp(dora, w.group.groupId, m.id, 'yes');
    }
    await drain();
  });
  after(async () => store.close());

  /**
   * Lives through meeting `i`: its reminders (24 h before, and 2 h before held to 08:00 by quiet hours), its end, then the leader marks who came;
   * everyone who came checks in right after it (the check-in signal has its own histories in test/domain/leader/checkinSignal.test.ts).
   */
  const meeting = async (i: number) => {
    const m = meetings[i]!;
    await at(addMs(m.startsAt, -24 * 3_600_000));
    await at(addMs(m.startsAt, -3_600_000));
    await at(m.endsAt);
    for (const userId of memberIds) {
      const mark = attendance[userId]![i];
      if (mark !== '-') await w.attendance.recordAttendance(leaderId, w.group.groupId, m.id, userId, mark === 'P' ? 'present' : 'absent');
      if (mark === 'P') {
        await w.app.repositories.checkIns.put({ id: `checkin:${m.id}:${userId}`, userId, groupId: w.group.groupId, meetingId: m.id, strengths: [], shared: false, createdAt: m.endsAt });
      }
    }
  };

  it('tells the leader nothing while no one has drifted (Ben missed one of three, Cai is paused)', async () => {
    await meeting(0);
    await at('2026-11-10T07:00:00.000Z');
    await meeting(1);
    await at('2026-11-20T10:00:00.000Z');
    await w.prefs.startPause(cai, 'ill', '2026-12-06');
    await meeting(2);
    await at('2026-11-24T07:00:00.000Z');
    expect(alertsOf(w)).to.deep.equal([]);
  });

  it('alerts once when Ben has missed two of the last three (not Cai, paused; not Dora, new though unreachable)', async () => {
    await meeting(3);
    await at('2026-12-01T07:00:00.000Z');
    expect(alertsOf(w)).to.deep.equal([
      [
        'Ben voisi kaivata yhteydenottoasi',
        'Ryhmä: Kuntosali',
        'Oli poissa 2 kertaa 3 viime tapaamisesta; jätti 4 muistutusta vastaamatta.',
        'Voisit aloittaa näin: ”Hei Ben, sinua on kaivattu tapaamisissa. Mitä kuuluu?”',
      ],
    ]);
    const finished = await w.jobs.listFinished(w.group.groupId, { statuses: ['sent'] });
    expect(finished.filter((j) => j.kind === 'leader.alert').map((j) => j.id)).to.deep.equal([`leader.alert:${w.group.groupId}:alert:${ben}:2026-12-01`]);
  });

  it('stays quiet in the same episode (next day, and a week later when Ben misses a third)', async () => {
    const from = w.messenger.sent.length;
    await w.refs.upsert(personalRef(dora, 'http://127.0.0.1:9/', '2026-12-02T06:00:00.000Z'));
    await at('2026-12-02T07:00:00.000Z');
    await meeting(4);
    await at('2026-12-08T07:00:00.000Z');
    expect(alertsOf(w, from)).to.deep.equal([]);
  });

  it('alerts again after the quiet period of 14 days while Ben is still above the threshold', async () => {
    const from = w.messenger.sent.length;
    await meeting(5);
    await at('2026-12-15T07:00:00.000Z');
    expect(alertsOf(w, from).map((card) => card[2])).to.deep.equal(['Oli poissa 2 kertaa 3 viime tapaamisesta; jätti 4 muistutusta vastaamatta.']);
  });

  it('ends the episode when Ben has recovered (his missed meetings have left the window)', async () => {
    const from = w.messenger.sent.length;
    await meeting(6);
    await at('2026-12-22T07:00:00.000Z');
    const states = () => w.app.repositories.leader.listStates(w.group.groupId);
    expect((await states()).find((s) => s.userId === ben)?.status).to.equal('flagged');
    await at('2026-12-29T07:00:00.000Z');
    expect((await states()).find((s) => s.userId === ben)).to.include({ status: 'ok', recoveredAt: '2026-12-29T07:00:00.000Z' });
    expect((await states()).filter((s) => s.status === 'flagged')).to.deep.equal([]);
    expect(alertsOf(w, from)).to.deep.equal([]);
  });

  it('stores the leader\'s answers and keeps the contacts per participant; another leader and a participant are refused', async () => {
    const leader = w.app.services.leader;
    const id = `alert:${ben}:2026-12-01`;
    await expectRefused(() => leader.feedback(ben, w.group.groupId, id, 'handled'), 'NOT_GROUP_LEADER');
    await expectRefused(() => leader.feedback('msteams:other-leader', w.group.groupId, id, 'handled'), 'NOT_GROUP_LEADER');
    await expectRefused(() => leader.glance(anna, w.group.groupId), 'NOT_GROUP_LEADER');
    w.clock.set('2026-12-29T08:00:00.000Z');
    await leader.feedback(leaderId, w.group.groupId, id, 'reach_out');
    await leader.feedback(leaderId, w.group.groupId, `alert:${ben}:2026-12-15`, 'not_useful', '  he told me already ');
    const alerts = await w.app.repositories.leader.listAlerts(w.group.groupId);
    expect(alerts.map((a) => [a.id, a.feedback])).to.deep.equal([
      [id, { answer: 'reach_out', at: '2026-12-29T08:00:00.000Z' }],
      [`alert:${ben}:2026-12-15`, { answer: 'not_useful', at: '2026-12-29T08:00:00.000Z', why: 'he told me already' }],
    ]);
    const contacts = await w.app.repositories.leader.listContacts(w.group.groupId, ben);
    expect(contacts.map((c) => [c.kind, c.alertId, c.at])).to.deep.equal([['reach_out', id, '2026-12-29T08:00:00.000Z']]);
  });
});

async function expectRefused(run: () => Promise<unknown>, code: string) {
  try {
    await run();
  } catch (e) {
    expect((e as { code?: string }).code).to.equal(code);
    return;
  }
  expect.fail(`expected ${code}`);
}
