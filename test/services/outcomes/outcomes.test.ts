import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import type { Clock } from '../../../src/domain/shared/clock';
import type { Group } from '../../../src/domain/groups';
import { participantsCsv, summaryCsv, type EntryDraft } from '../../../src/domain/outcomes';
import { OutcomeService } from '../../../src/services/outcomes';
import { CosmosGroupRepository } from '../../../src/store/groups';
import { CosmosMeetingRepository } from '../../../src/store/meetings';
import { CosmosCheckInRepository } from '../../../src/store/checkins';
import { CosmosLeaderRepository } from '../../../src/store/leader';
import { CosmosOutcomeRepository, CosmosPendingFileRepository, CosmosReportSources } from '../../../src/store/outcomes';
import { CosmosJobRepository } from '../../../src/store/shared/jobRepository';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { freshStore } from '../../support/cosmos';
import { expectDomainError } from '../../support/expectDomainError';

class TestClock implements Clock {
  constructor(private t: number) {}
  now() {
    return new Date(this.t);
  }
  set(iso: string) {
    this.t = Date.parse(iso);
  }
}

const at = '2026-01-10T10:00:00Z';
const groupOf = (groupId: string, leaderId: string, names: string[]): Group => ({
  type: 'group',
  id: groupId,
  groupId,
  name: groupId === 'g1' ? 'Aamuryhmä' : 'Iltaryhmä; "Pasila"',
  timeZone: 'Europe/Helsinki',
  locale: 'fi',
  leaderId,
  members: names.map((n) => ({ userId: `t:${n.toLowerCase()}`, displayName: n, joinedAt: at })),
  linkedChatIds: [],
  createdAt: at,
  updatedAt: at,
});

/** The CSV as Excel with Finnish settings reads it: a real RFC 4180 parser (csv-parse), ';' between fields, the BOM taken off. */
const readCsv = (text: string): string[][] => parse(text, { delimiter: ';', bom: true, relaxColumnCount: false });

function serviceOver(store: CosmosStore, groupsLedBy: (leaderId: string) => Promise<Group[]>, readers: string[]) {
  const groups = new CosmosGroupRepository(store.containers);
  const deps = { store: new CosmosOutcomeRepository(store.containers), jobs: new CosmosJobRepository(store.containers), sources: new CosmosReportSources(store.containers) };
  return new OutcomeService({ groups, groupsLedBy, ...deps, pendingFiles: new CosmosPendingFileRepository(store.containers), readers }, clock);
}
let clock: TestClock;

describe('outcome ledger and programme report on the embedded Cosmos server', () => {
  let store: CosmosStore;
  let outcomes: OutcomeService;
  let groups: CosmosGroupRepository;
  const employed: EntryDraft = { kind: 'employed', date: '2026-02-01', hours: 'full', term: 'open' };

  beforeEach(async () => {
    store = await freshStore('outcomes');
    clock = new TestClock(Date.parse('2026-02-02T09:00:00Z'));
    groups = new CosmosGroupRepository(store.containers);
    // The leader's profile would name g1 and g2 (leadsGroupIds); here the groups are read back by id.
    const ledBy = async (leaderId: string) => (await Promise.all(['g1', 'g2', 'g3'].map((id) => groups.get(id)))).filter((g): g is Group => g?.leaderId === leaderId);
    outcomes = serviceOver(store, ledBy, ['t:reader', 'aad-reader-2']);
    await groups.create(groupOf('g1', 't:leader', ['Pekka', 'Sanna', 'Aino', 'Matti']));
    await groups.create(groupOf('g2', 't:leader', ['Liisa', 'Jari', 'Kaisa', 'Olli']));
    await groups.create(groupOf('g3', 't:other', ['Veera']));
  });
  afterEach(async () => store.close());

  it('keeps every entry: a correction supersedes the old one, which stays in the history', async () => {
    const first = await outcomes.record('t:leader', 'g1', 't:pekka', { kind: 'tryout', date: '2026-02-01', endDate: '2026-01-01' }, 'r0').catch((e) => e);
    expect(first.code).to.equal('DETAILS_MISSING');
    const wrong = await outcomes.record('t:leader', 'g1', 't:pekka', { kind: 'tryout', date: '2026-02-01', endDate: '2026-03-01' }, 'r1');
    await outcomes.record('t:leader', 'g1', 't:pekka', { kind: 'tryout', date: '2026-02-01', endDate: '2026-03-01' }, 'r1'); // a double click
    await outcomes.record('t:leader', 'g1', 't:pekka', employed, 'r2', wrong.entryId);
    const { participants } = await outcomes.ledger('t:leader', 'g1');
    const pekka = participants.find((p) => p.userId === 't:pekka')!;
    expect(pekka.history.map((e) => [e.entryId, e.kind, e.supersedes ?? null])).to.deep.equal([
      ['r1', 'tryout', null],
      ['r2', 'employed', 'r1'],
    ]);
    expect(pekka.standing.map((e) => e.entryId)).to.deep.equal(['r2']);
  });

  it('confirms "at least 4 months" only by a follow-up on or after the 4-month day', async () => {
    const job = await outcomes.record('t:leader', 'g1', 't:sanna', employed, 'job');
    clock.set('2026-05-31T09:00:00Z');
    expect((await outcomes.followUp('t:leader', 'g1', 't:sanna', job.entryId, true).catch((e) => e)).code).to.equal('TOO_EARLY');
    expect((await outcomes.ledger('t:leader', 'g1')).participants.find((p) => p.userId === 't:sanna')!.followUpDue).to.have.length(0);
    clock.set('2026-06-01T09:00:00Z');
    expect((await outcomes.ledger('t:leader', 'g1')).participants.find((p) => p.userId === 't:sanna')!.followUpDue.map((e) => e.entryId)).to.deep.equal(['job']);
    expect((await outcomes.followUp('t:leader', 'g1', 't:sanna', job.entryId, true)).confirmed).to.equal(true);
    expect((await outcomes.mine('t:sanna', 'g1')).confirmedIds).to.deep.equal(['job']);
    expect((await outcomes.report('t:leader', 'g1')).summary).to.include({ employed: 1, confirmed: 1, unconfirmed: 0 });
  });

  it('shows a participant only their own outcomes; other leaders and participants see nothing', async () => {
    await outcomes.record('t:leader', 'g1', 't:pekka', employed, 'a');
    await outcomes.record('t:leader', 'g1', 't:aino', { kind: 'looking', date: '2026-02-01' }, 'b');
    await outcomes.addNote('t:pekka', 'g1', 'Aloitin varastolla');
    const own = await outcomes.mine('t:pekka', 'g1');
    expect(own.standing.map((e) => e.userId)).to.deep.equal(['t:pekka']);
    expect(own.notes.map((n) => n.text)).to.deep.equal(['Aloitin varastolla']);
    await expectDomainError(outcomes.mine('t:veera', 'g1'), 'NOT_IN_GROUP');
    await expectDomainError(outcomes.ledger('t:other', 'g1'), 'NOT_GROUP_LEADER');
    await expectDomainError(outcomes.ledger('t:pekka', 'g1'), 'NOT_GROUP_LEADER');
    await expectDomainError(outcomes.record('t:other', 'g1', 't:pekka', employed, 'x'), 'NOT_GROUP_LEADER');
    await expectDomainError(outcomes.report('t:other', 'g1'), 'NOT_GROUP_LEADER');
    expect((await outcomes.report('t:other')).summary.participants).to.equal(1);
    expect((await outcomes.record('t:leader', 'g1', 't:veera', employed, 'y').catch((e) => e)).code).to.equal('NOT_PARTICIPANT');
  });

  it('reports 8 participants in two groups (one of them left): 6 employed, 5 confirmed → 62.5 %, 1 try-out, 1 drop-out, check-ins and alerts; CSV parsed, no names', async () => {
    const jobs = [['g1', 't:pekka'], ['g1', 't:sanna'], ['g1', 't:aino'], ['g2', 't:liisa'], ['g2', 't:jari'], ['g2', 't:kaisa']] as const;
    for (const [g, u] of jobs) await outcomes.record('t:leader', g, u, employed, `job-${u}`);
    await outcomes.record('t:leader', 'g1', 't:matti', { kind: 'tryout', date: '2026-02-01', endDate: '2026-04-30' }, 'try');
    await outcomes.record('t:leader', 'g2', 't:olli', { kind: 'dropped', date: '2026-02-01', reason: 'health' }, 'drop');
    // Olli quits the group: what the groups feature keeps of a leaver (leaveGroup writes the same).
    const g2 = (await groups.get('g2'))!;
    await groups.putFormerMember({ type: 'formerMember', id: 'former:t:olli', groupId: 'g2', userId: 't:olli', displayName: 'Olli', joinedAt: at, leftAt: '2026-02-03T10:00:00.000Z' });
    await groups.replace({ ...g2, members: g2.members.filter((m) => m.userId !== 't:olli') });
    clock.set('2026-06-02T09:00:00Z');
    for (const [g, u] of jobs.slice(0, 5)) await outcomes.followUp('t:leader', g, u, `job-${u}`, true);
    const meetings = new CosmosMeetingRepository(store.containers);
    for (const [u, status] of [['t:pekka', 'present'], ['t:sanna', 'present'], ['t:aino', 'present'], ['t:matti', 'absent']] as const)
      await meetings.putAttendance({ type: 'attendance', id: `attendance:m1:${u}`, groupId: 'g1', meetingId: 'm1', userId: u, status, recordedBy: 't:leader', recordedAt: '2026-01-10T10:00:00.000Z' });
    // Check-ins: Pekka 2 in g1 (and 1 in another group, not counted here), Liisa 1 in g2; their text never reaches the report.
    const checkIns = new CosmosCheckInRepository(store.containers, 30);
    const checkIn = (id: string, userId: string, groupId: string) => checkIns.put({ id, userId, groupId, did: 'Salainen teksti', strengths: [], shared: false, createdAt: '2026-02-10T10:00:00.000Z' });
    await checkIn('c1', 't:pekka', 'g1');
    await checkIn('c2', 't:pekka', 'g1');
    await checkIn('c3', 't:pekka', 'g3');
    await checkIn('c4', 't:liisa', 'g2');
    // Alerts: Pekka's answered "I'll reach out"; in g2 one each "already handled", "not useful", and Olli's unanswered.
    const leader = new CosmosLeaderRepository(store.containers);
    const alert = (groupId: string, userId: string, answer?: 'reach_out' | 'handled' | 'not_useful') =>
      leader.createAlert({ type: 'leaderAlert', id: `alert:${userId}:2026-02-20`, groupId, userId, leaderId: 't:leader', day: '2026-02-20', reasons: [{ code: 'unreachable' }], createdAt: '2026-02-20T07:00:00.000Z', ...(answer ? { feedback: { answer, at: '2026-02-20T08:00:00.000Z' } } : {}) });
    await alert('g1', 't:pekka', 'reach_out');
    await alert('g2', 't:jari', 'handled');
    await alert('g2', 't:kaisa', 'not_useful');
    await alert('g2', 't:olli');

    const report = await outcomes.report('t:leader');
    expect(report.summary).to.deep.include({ participants: 8, left: 1, employed: 6, confirmed: 5, unconfirmed: 1, tryouts: 1, studies: 0, dropouts: 1, present: 3, marked: 4, checkIns: 3, alerts: 4, identifiesIndividuals: false });
    expect(report.summary.alertAnswers).to.deep.equal({ reach_out: 1, handled: 1, not_useful: 1, unanswered: 1 });
    expect(report.summary.confirmedShare).to.equal(0.625);
    expect(report.summary.attendanceRate).to.equal(0.75);
    expect(report.summary.checkInsPerParticipant).to.equal(0.375);
    expect(report.groups.map((g) => [g.groupName, g.summary.participants, g.summary.confirmed, g.summary.identifiesIndividuals])).to.deep.equal([
      ['Aamuryhmä', 4, 3, true],
      ['Iltaryhmä; "Pasila"', 4, 2, true],
    ]);

    const csv = participantsCsv(report);
    expect(csv.charCodeAt(0)).to.equal(0xfeff);
    expect(csv.split('\r\n')[0]).to.equal('\uFEFFgroup;participant;latest;left_group;employed;employed_4m_confirmed;work_tryout;studies;dropped_out;meetings_present;meetings_marked;checkins;alerts;alerts_reach_out;alerts_handled;alerts_not_useful;alerts_unanswered');
    const rows = readCsv(csv);
    expect(rows).to.have.length(9);
    expect(rows.slice(1).every((r) => r.length === 17 && /^P-[0-9a-f]{10}$/.test(r[1]!))).to.equal(true);
    expect(new Set(rows.slice(1).map((r) => r[1])).size).to.equal(8);
    expect(rows.filter((r) => r[5] === '1')).to.have.length(5);
    const olli = rows.find((r) => r[2] === 'dropped')!;
    expect([olli[0], olli[3], ...olli.slice(11)]).to.deep.equal(['Iltaryhmä; "Pasila"', '1', '0', '1', '0', '0', '0', '1']);
    expect(rows.map((r) => r[11]).sort()).to.deep.equal(['0', '0', '0', '0', '0', '0', '1', '2', 'checkins']);
    for (const name of ['Pekka', 'Sanna', 'Aino', 'Matti', 'Liisa', 'Jari', 'Kaisa', 'Olli', 't:', 'Salainen']) expect(csv).not.to.contain(name);
    const again = readCsv(participantsCsv(await outcomes.report('t:leader')));
    expect(again.map((r) => r[1])).to.deep.equal(rows.map((r) => r[1]));

    const summary = summaryCsv(report, 'Kaikki');
    expect(summary.charCodeAt(0)).to.equal(0xfeff);
    expect(readCsv(summary)).to.deep.equal([
      ['group', 'participants', 'left_group', 'employed', 'employed_4m_confirmed', 'employed_unconfirmed', 'confirmed_share', 'work_tryouts', 'studies', 'dropouts', 'attendance_rate', 'checkins', 'checkins_per_participant', 'alerts', 'alerts_reach_out', 'alerts_handled', 'alerts_not_useful', 'alerts_unanswered'],
      ['Aamuryhmä', '4', '0', '3', '3', '0', '0.750', '1', '0', '0', '0.750', '2', '0.500', '1', '1', '0', '0', '0'],
      ['Iltaryhmä; "Pasila"', '4', '1', '3', '2', '1', '0.500', '0', '0', '1', '', '1', '0.250', '3', '0', '1', '1', '1'],
      ['Kaikki', '8', '1', '6', '5', '1', '0.625', '1', '0', '1', '0.750', '3', '0.375', '4', '1', '1', '1', '1'],
    ]);
    expect(summary).to.contain('\r\n"Iltaryhmä; ""Pasila""";4;1;');

    // The leaver is still on the ledger (marked), so the leader can record what became of them.
    const ledger = await outcomes.ledger('t:leader', 'g2');
    expect(ledger.participants.map((p) => [p.displayName, p.left])).to.deep.equal([['Liisa', false], ['Jari', false], ['Kaisa', false], ['Olli', true]]);
    await outcomes.record('t:leader', 'g2', 't:olli', { kind: 'studies', date: '2026-05-01', studyKind: 'vocational' }, 'olli-studies');
    expect((await outcomes.report('t:leader', 'g2')).summary).to.deep.include({ participants: 4, studies: 1 });
  });

  it('gives the report across the whole service to its readers only; a leader still sees only their own groups', async () => {
    await outcomes.record('t:other', 'g3', 't:veera', employed, 'v');
    expect((await outcomes.serviceReport('t:leader').catch((e) => e)).code).to.equal('NOT_REPORT_READER');
    expect((await outcomes.serviceReport('t:veera').catch((e) => e)).code).to.equal('NOT_REPORT_READER');
    expect((await outcomes.serviceReport('webchat:aad-reader-2').catch((e) => e)).code).to.equal('NOT_REPORT_READER');
    const all = await outcomes.serviceReport('t:reader');
    expect(all.summary).to.deep.include({ participants: 9, employed: 1 });
    expect(all.groups.map((g) => [g.groupName, g.summary.participants])).to.deep.equal([['Aamuryhmä', 4], ['Iltaryhmä; "Pasila"', 4], ['Iltaryhmä; "Pasila"', 1]]);
    expect((await outcomes.serviceReport('msteams:aad-reader-2')).summary.participants).to.equal(9);
    expect((await outcomes.report('t:other')).summary).to.deep.include({ participants: 1, employed: 1 });
    expect((await outcomes.report('t:leader')).summary).to.deep.include({ participants: 8, employed: 0 });
  });

  it('keeps a report file for the consent answer in the store: another instance finds it, nobody else can take it, it expires after a day', async () => {
    const fileId = await outcomes.files.hold('t:leader', 'outcomes-summary.csv', '\uFEFFgroup;participants\r\n');
    const restarted = serviceOver(store, async () => [], []);
    expect((await restarted.files.get('t:leader', fileId)).content).to.equal('\uFEFFgroup;participants\r\n');
    expect((await outcomes.files.get('t:other', fileId).catch((e) => e)).code).to.equal('FILE_GONE');
    expect((await outcomes.files.get('t:leader', '6f1c1f55-0000-4000-8000-000000000000').catch((e) => e)).code).to.equal('FILE_GONE');
    clock.set('2026-02-03T09:00:01Z');
    expect((await restarted.files.get('t:leader', fileId).catch((e) => e)).code).to.equal('FILE_GONE');
    const raw = await store.containers.users.item(`pendingFile:${fileId}`, 't:leader').read();
    expect(raw.resource).to.deep.include({ type: 'outcomePendingFile', userId: 't:leader', ttl: 86400 });
    await restarted.files.done('t:leader', fileId);
    expect((await store.containers.users.item(`pendingFile:${fileId}`, 't:leader').read()).statusCode).to.equal(404);
  });
});
