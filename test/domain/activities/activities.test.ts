import { expect } from 'chai';
import { countMayNotSuit, everyoneVoted, ideas, leadersOf, mayNotSuit, notVoted, parseTypedTime, parseTypedTimes, tally, voteId, type Vote } from '../../../src/domain/activities';
import en from '../../../locales/en.json';
import fi from '../../../locales/fi.json';
import sv from '../../../locales/sv.json';

const zone = 'Europe/Helsinki';
/** Tue 1 Dec 2026, 12:00 in Helsinki. */
const now = new Date('2026-12-01T10:00:00.000Z');

describe('activities domain', () => {
  describe('typed times in the group\'s zone', () => {
    const cases: Array<[string, string]> = [
      ['15.12.', '2026-12-15T08:00:00.000Z'],
      ['15.12.2026 klo 10', '2026-12-15T08:00:00.000Z'],
      ['ti 15.12. 10.00', '2026-12-15T08:00:00.000Z'],
      ['15/12 10:00', '2026-12-15T08:00:00.000Z'],
      ['2026-12-15 10:00', '2026-12-15T08:00:00.000Z'],
      ['tis 15.12 kl. 13.30', '2026-12-15T11:30:00.000Z'],
      ['huomenna', '2026-12-02T08:00:00.000Z'],
      ['i morgon 14', '2026-12-02T12:00:00.000Z'],
      ['Tomorrow 9:30', '2026-12-02T07:30:00.000Z'],
      ['3.1.', '2027-01-03T08:00:00.000Z'],
      ['tänään 18', '2026-12-01T16:00:00.000Z'],
    ];
    for (const [typed, instant] of cases) {
      it(`reads "${typed}"`, () => expect(parseTypedTime(typed, zone, now)).to.deep.equal({ ok: true, instant }));
    }
    it('refuses a time that has passed and text that is not a time', () => {
      expect(parseTypedTime('tänään 9', zone, now)).to.deep.equal({ ok: false, reason: 'past' });
      expect(parseTypedTime('1.12.2026', zone, now)).to.deep.equal({ ok: false, reason: 'past' });
      expect(parseTypedTime('ensi viikolla', zone, now)).to.deep.equal({ ok: false, reason: 'unreadable' });
      expect(parseTypedTime('31.2.', zone, now)).to.deep.equal({ ok: false, reason: 'unreadable' });
      expect(parseTypedTime('15.12. klo 25', zone, now)).to.deep.equal({ ok: false, reason: 'unreadable' });
    });
    it('reads several times separated by ";" and at most the maximum', () => {
      expect(parseTypedTimes('16.12. 12; 15.12. 10', zone, now, 3)).to.deep.equal({ ok: true, instants: ['2026-12-15T08:00:00.000Z', '2026-12-16T10:00:00.000Z'] });
      expect(parseTypedTimes('', zone, now, 3)).to.deep.equal({ ok: true, instants: [] });
      expect(parseTypedTimes('1.1.; 2.1.; 3.1.; 4.1.', zone, now, 3)).to.deep.equal({ ok: false, reason: 'too_many' });
    });
  });

  describe('approval tally', () => {
    const round = { id: 'round:1', proposalIds: ['p1', 'p2', 'p3'] };
    const vote = (proposalId: string, userId: string, approved = true): Vote => ({
      id: voteId('round:1', proposalId, userId), groupId: 'g', roundId: 'round:1', proposalId, userId, approved, at: now.toISOString(),
    });
    it('counts each voter once per ticked proposal, ignores unticks, strangers and other rounds', () => {
      const votes = [vote('p1', 'a'), vote('p1', 'a'), vote('p2', 'a'), vote('p1', 'b'), vote('p2', 'b', false), vote('p3', 'stranger'), { ...vote('p3', 'c'), roundId: 'round:0' }];
      expect(tally(round, votes, ['a', 'b', 'c', 'd'])).to.deep.equal({ counts: { p1: 2, p2: 1, p3: 0 }, voters: ['a', 'b'] });
    });
    it('names one leader, or all tied ones (the leader picks among them), or every proposal when nobody ticked', () => {
      expect(leadersOf(round, { p1: 3, p2: 1, p3: 0 })).to.deep.equal(['p1']);
      expect(leadersOf(round, { p1: 2, p2: 0, p3: 2 })).to.deep.equal(['p1', 'p3']);
      expect(leadersOf(round, { p1: 0, p2: 0, p3: 0 })).to.deep.equal(['p1', 'p2', 'p3']);
    });
    it('knows when everyone has voted and who has not', () => {
      expect(everyoneVoted(['a', 'b'], ['a', 'b'])).to.equal(true);
      expect(everyoneVoted(['a'], ['a', 'b'])).to.equal(false);
      expect(everyoneVoted([], [])).to.equal(false);
      expect(notVoted(['a'], ['a', 'b', 'c'])).to.deep.equal(['b', 'c']);
    });
    it('makes a vote id that Cosmos accepts', () => expect(voteId('round:1', 'proposal:x', 'webchat:a/b#c')).to.equal('vote:round:1:proposal:x:webchat:a_b_c'));
  });

  describe('capability fit', () => {
    const hard = { effort: 'high', travel: 'local', cost: 'free' } as const;
    const far = { effort: 'low', travel: 'far', cost: 'free' } as const;
    const paid = { effort: 'low', travel: 'none', cost: 'low' } as const;
    const mobility = { mobility: true, budget: false };
    const budget = { mobility: false, budget: true };
    it('compares mobility with effort and travel, budget with cost', () => {
      expect(mayNotSuit(hard, mobility)).to.equal(true);
      expect(mayNotSuit(far, mobility)).to.equal(true);
      expect(mayNotSuit(paid, mobility)).to.equal(false);
      expect(mayNotSuit(paid, budget)).to.equal(true);
      expect(mayNotSuit(hard, budget)).to.equal(false);
      expect(mayNotSuit(hard, undefined)).to.equal(false);
      expect(countMayNotSuit(far, [mobility, budget, undefined, mobility])).to.equal(2);
    });
  });

  describe('idea library', () => {
    it('has at least 15 ideas, each with a title and description in fi, sv and en', () => {
      expect(ideas.length).to.be.at.least(15);
      for (const idea of ideas) {
        for (const lang of [fi, sv, en]) {
          const words = (lang.activities.ideas.items as Record<string, { title: string; description: string }>)[idea.id];
          expect(words?.title, idea.id).to.be.a('string').and.not.equal('');
          expect(words?.description, idea.id).to.be.a('string').and.not.equal('');
        }
      }
      expect(fi.activities.ideas.items.natureWalk.title).to.equal('Luontoretki eväiden kanssa');
      expect(sv.activities.ideas.items.natureWalk.title).to.equal('Naturpromenad med matsäck');
    });
  });
});
