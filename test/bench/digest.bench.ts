/**
 * Prints what one scheduled digest costs: Cosmos requests (counted at the embedded server) and time for
 * a leader of two groups of four with six weeks of meetings, RSVPs, attendance and check-ins, and the
 * size of the message (images included and apart). A script, not a test: `npm run bench:digest`.
 */
import { addMs } from '../../src/domain/shared/schedule';
import { leaderId, makeWorld, memberIds, type World } from '../scheduler/support';
import { countingStore } from '../scheduler/support';

async function history(w: World) {
  const weeks = ['10-20', '10-27', '11-03', '11-10', '11-17', '11-24'];
  for (const [i, day] of weeks.entries()) {
    const m = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, { title: 'Kuntosali', start: `2026-${day}T10:00`, durationMinutes: 90, place: 'Urheilutalo' });
    for (const [j, userId] of memberIds.entries()) if ((i + j) % 4 !== 0) await w.attendance.rsvp(userId, w.group.groupId, m.id, 'yes');
    w.clock.set(m.endsAt);
    for (const [j, userId] of memberIds.entries()) {
      await w.attendance.recordAttendance(leaderId, w.group.groupId, m.id, userId, (i + j) % 4 === 0 ? 'absent' : 'present');
      await w.app.repositories.checkIns.put({ id: `checkin:${m.id}:${userId}`, userId, groupId: w.group.groupId, mood: 3, did: 'Kävin salilla.', strengths: ['keptTime'], shared: j % 2 === 0, createdAt: addMs(m.endsAt, 3_600_000) });
    }
  }
}

async function main() {
  const counted = await countingStore('digestbench');
  const a = await makeWorld(counted.store, '2026-10-01T10:00:00.000Z');
  const b = await makeWorld(counted.store, '2026-10-01T10:00:00.000Z');
  const leader = (await a.users.get(leaderId))!;
  await a.users.save({ ...leader, leadsGroupIds: [a.group.groupId, b.group.groupId] });
  for (const w of [a, b]) await history(w);
  await a.app.services.digest.saveSettings(leaderId, { cadence: 'weekly', weekday: 1, time: '08:00', beforeMeetings: false });
  const runner = a.runner('bench');
  a.clock.set('2026-11-29T12:00:00.000Z');
  while ((await runner.tick()).due > 0);
  a.messenger.sent.length = 0;
  // Warm the chart libraries once (the first render loads vega), then measure one digest job.
  await a.app.services.digest.onDemand(leaderId);
  a.clock.set('2026-11-30T06:00:00.000Z');
  const before = counted.requests();
  const t0 = performance.now();
  await runner.tick();
  const ms = performance.now() - t0;
  const requests = counted.requests() - before;
  const digest = a.messenger.sent.find((s) => s.ownerId === leaderId)!;
  const json = JSON.stringify(digest.message);
  const withoutImages = json.replace(/data:image\/[a-z]+;base64,[A-Za-z0-9+/=]+/g, '');
  console.log(`digest job, a leader of 2 groups × 4 (6 weeks of history): ${ms.toFixed(0)} ms, ${requests} Cosmos requests (claim, reads, send, finish, planning the next)`);
  console.log(`digest message: ${digest.message.cards?.length ?? 0} cards, ${Buffer.byteLength(json)} bytes in all, ${Buffer.byteLength(withoutImages)} bytes without the base64 images`);
  await counted.close();
}

void main();
