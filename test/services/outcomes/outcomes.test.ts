import { expect } from 'chai';
import type { Clock } from '../../../src/domain/shared/clock';
import type { Group } from '../../../src/domain/groups';
import { participantsCsv, summaryCsv, type EntryDraft } from '../../../src/domain/outcomes';
import { OutcomeService } from '../../../src/services/outcomes';
import { CosmosGroupRepository } from '../../../src/store/groups';
import { CosmosMeetingRepository } from '../../../src/store/meetings';
import { CosmosOutcomeRepository } from '../../../src/store/outcomes';
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
  id: groupId,
  groupId,
  name: groupId === 'g1' ? 'Aamuryhmä' : 'Iltaryhmä',
  timeZone: 'Europe/Helsinki',
  locale: 'fi',
  leaderId,
  members: names.map((n) => ({ userId: `t:${n.toLowerCase()}`, displayName: n, joinedAt: at })),
  linkedChatIds: [],
  createdAt: at,
  updatedAt: at,
});

/** A tiny RFC 4180 reader with a chosen separator: enough to check what Excel would see. */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (c !== '\r') cell += c;
  }
  return rows;
}

describe('outcome ledger and programme report on the embedded Cosmos server', () => {
  let store: CosmosStore;
  let clock: TestClock;
  let outcomes: OutcomeService;
  let groups: CosmosGroupRepository;
  const employed: EntryDraft = { kind: 'employed', date: '2026-02-01', hours: 'full', term: 'open' };

  beforeEach(async () => {
    store = await freshStore('outcomes');
    clock = new TestClock(Date.parse('2026-02-02T09:00:00Z'));
    groups = new CosmosGroupRepository(store.containers);
    // The leader's profile would name g1 and g2 (leadsGroupIds); here the groups are read back by id.
    const ledBy = async (leaderId: string) => (await Promise.all(['g1', 'g2', 'g3'].map((id) => groups.get(id)))).filter((g): g is Group => g?.leaderId === leaderId);
    outcomes = new OutcomeService({ groups, store: new CosmosOutcomeRepository(store.containers), jobs: new CosmosJobRepository(store.containers), groupsLedBy: ledBy }, clock);
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

  it('reports 8 participants in two groups: 6 employed, 5 confirmed → 62.5 %, 1 try-out, 1 drop-out; CSV with BOM and ";" and no names', async () => {
    const jobs = [['g1', 't:pekka'], ['g1', 't:sanna'], ['g1', 't:aino'], ['g2', 't:liisa'], ['g2', 't:jari'], ['g2', 't:kaisa']] as const;
    for (const [g, u] of jobs) await outcomes.record('t:leader', g, u, employed, `job-${u}`);
    await outcomes.record('t:leader', 'g1', 't:matti', { kind: 'tryout', date: '2026-02-01', endDate: '2026-04-30' }, 'try');
    await outcomes.record('t:leader', 'g2', 't:olli', { kind: 'dropped', date: '2026-02-01', reason: 'health' }, 'drop');
    clock.set('2026-06-02T09:00:00Z');
    for (const [g, u] of jobs.slice(0, 5)) await outcomes.followUp('t:leader', g, u, `job-${u}`, true);
    const meetings = new CosmosMeetingRepository(store.containers);
    for (const [u, status] of [['t:pekka', 'present'], ['t:sanna', 'present'], ['t:aino', 'present'], ['t:matti', 'absent']] as const)
      await meetings.putAttendance({ id: `attendance:m1:${u}`, groupId: 'g1', meetingId: 'm1', userId: u, status, recordedBy: 't:leader', recordedAt: '2026-01-10T10:00:00.000Z' });

    const report = await outcomes.report('t:leader');
    expect(report.summary).to.deep.include({ participants: 8, employed: 6, confirmed: 5, unconfirmed: 1, tryouts: 1, studies: 0, dropouts: 1, present: 3, marked: 4, identifiesIndividuals: false });
    expect(report.summary.confirmedShare).to.equal(0.625);
    expect(report.summary.attendanceRate).to.equal(0.75);
    expect(report.groups.map((g) => [g.groupName, g.summary.confirmed, g.summary.identifiesIndividuals])).to.deep.equal([
      ['Aamuryhmä', 3, true],
      ['Iltaryhmä', 2, true],
    ]);

    const csv = participantsCsv(report);
    expect(csv.charCodeAt(0)).to.equal(0xfeff);
    const rows = parseCsv(csv.slice(1), ';');
    expect(rows[0]).to.deep.equal(['group', 'participant', 'latest', 'employed', 'employed_4m_confirmed', 'work_tryout', 'studies', 'dropped_out', 'meetings_present', 'meetings_marked']);
    expect(rows).to.have.length(9);
    expect(rows.slice(1).every((r) => r.length === 10 && /^P-[0-9a-f]{10}$/.test(r[1]!))).to.equal(true);
    expect(new Set(rows.slice(1).map((r) => r[1])).size).to.equal(8);
    expect(rows.filter((r) => r[4] === '1')).to.have.length(5);
    expect(rows.find((r) => r[2] === 'dropped')?.[0]).to.equal('Iltaryhmä');
    for (const name of ['Pekka', 'Sanna', 'Aino', 'Matti', 'Liisa', 'Jari', 'Kaisa', 'Olli', 't:']) expect(csv).not.to.contain(name);
    const again = parseCsv(participantsCsv(await outcomes.report('t:leader')).slice(1), ';');
    expect(again.map((r) => r[1])).to.deep.equal(rows.map((r) => r[1]));

    const summary = parseCsv(summaryCsv(report, 'Kaikki').slice(1), ';');
    expect(summary).to.deep.equal([
      ['group', 'participants', 'employed', 'employed_4m_confirmed', 'employed_unconfirmed', 'confirmed_share', 'work_tryouts', 'studies', 'dropouts', 'attendance_rate'],
      ['Aamuryhmä', '4', '3', '3', '0', '0.750', '1', '0', '0', '0.750'],
      ['Iltaryhmä', '4', '3', '2', '1', '0.500', '0', '0', '1', ''],
      ['Kaikki', '8', '6', '5', '1', '0.625', '1', '0', '1', '0.750'],
    ]);
  });
});
