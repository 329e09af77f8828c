import { expect } from 'chai';
import { maxButtonsPerSection, menuCard, menuSections, type MenuView } from '../../../src/cards/shared/menu';
import { attendanceCard, leaderMeetingsCard, memberMeetingsCard, meetingMessageRenderer } from '../../../src/cards/meetings/meetingCards';
import { menuEntries, parseCardValue as parseRoute } from '../../../dialogs/router';

const parseCardValue = (value: unknown) => {
  const parsed = parseRoute(value);
  return parsed ? { ok: true as const, action: parsed.payload } : { ok: false as const };
};
import { locales } from '../../../src/domain/shared/locale';
import { translator } from '../../../src/i18n';
import type { MeetingMessageKind } from '../../../src/services/meetings/ports';
import { submitActions, textOf } from '../../support/botHarness';
import { at, group, meeting } from '../../support/cardFixtures';
import { cardNodes } from '../../support/cards';

const asActivity = (message: { text?: string; cards?: object[] }) => [
  { text: message.text, attachments: (message.cards ?? []).map((content) => ({ contentType: 'application/vnd.microsoft.card.adaptive', content })) },
];
const kinds: MeetingMessageKind[] = ['reminder', 'meeting_scheduled', 'meeting_moved', 'meeting_cancelled', 'attendance_roster'];

describe('meeting cards', () => {
  for (const locale of locales) {
    const t = translator(locale);
    describe(`in ${locale}`, () => {
      for (const kind of kinds) {
        it(`renders ${kind} with every text translated, the local time in the zone, and only buttons the router accepts`, () => {
          const message = meetingMessageRenderer.render({
            kind,
            locale,
            timeZone: 'Europe/Helsinki',
            meeting,
            group,
            recipientId: 'msteams:p1',
            jobId: 'remind:x:msteams:p1:24h:r1',
            previousStartsAt: '2026-03-28T07:00:00.000Z',
          });
          const text = textOf(asActivity(message));
          expect(text).to.not.match(/\b(meetingMessage|rsvp|attendance|meetings)\.[a-z]/);
          expect(text).to.contain('Kuntosali');
          // 06:00Z is 09:00 local after the change (EEST), not 08:00 (EET).
          if (kind !== 'attendance_roster') expect(text).to.match(/\b0?9[.:]00\b/);
          for (const { data } of submitActions(asActivity(message))) expect(parseCardValue(data).ok, JSON.stringify(data)).to.equal(true);
        });
      }

      it('offers RSVP and a snooze on a reminder, RSVP on notices, nothing to press on a cancellation', () => {
        const actionsOf = (kind: MeetingMessageKind) =>
          submitActions(asActivity(meetingMessageRenderer.render({ kind, locale, timeZone: 'Europe/Helsinki', meeting, group, recipientId: 'msteams:p1', jobId: 'j1' }))).map(
            (a) => a.data.action + (a.data.answer ? `:${a.data.answer}` : ''),
          );
        expect(actionsOf('reminder')).to.deep.equal(['rsvp:yes', 'rsvp:no', 'rsvp:maybe', 'snooze']);
        expect(actionsOf('meeting_scheduled')).to.deep.equal(['rsvp:yes', 'rsvp:no', 'rsvp:maybe']);
        expect(actionsOf('meeting_cancelled')).to.deep.equal([]);
      });

      it('names the zone when the reader lives in another one', () => {
        const message = meetingMessageRenderer.render({ kind: 'reminder', locale, timeZone: 'Europe/Stockholm', meeting, group, recipientId: 'msteams:p1', jobId: 'j1' });
        const text = textOf(asActivity(message));
        expect(text).to.contain(t('meetingMessage.zoneNote', { zone: 'Europe/Stockholm' }));
        expect(text).to.match(/\b0?8[.:]00\b/);
      });

      it('attendance roster: one choice per member, recorded marks preselected, the submit parses back to the marks', () => {
        const card = attendanceCard(t, locale, group, meeting, [
          { id: 'a', groupId: 'g1', meetingId: meeting.id, userId: 'msteams:p2', status: 'absent', recordedBy: 'msteams:leader', recordedAt: at },
        ]);
        const inputs = card.body.filter((e) => (e as { type: string }).type === 'Input.ChoiceSet') as Array<{ id: string; label: string; value: string }>;
        expect(inputs.map((i) => [i.id, i.label, i.value])).to.deep.equal([
          ['m0', 'Aino', ''],
          ['m1', 'Siri', 'absent'],
        ]);
        const data = { ...(card.actions[0] as { data: object }).data, m0: 'present', m1: 'absent' };
        const parsed = parseCardValue(data);
        expect(parsed.ok && parsed.action.action).to.equal('attendance.save');
      });

      it('meetings lists: a participant sees their answer; a leader sees counts, move/cancel and recent meetings to mark', () => {
        const member = textOf(asActivity({ cards: [memberMeetingsCard(t, locale, 'Europe/Helsinki', group, [{ meeting, myAnswer: 'maybe' }])] }));
        expect(member).to.contain(t('meetings.yourAnswer', { answer: t('rsvp.answers.maybe') }));
        const rsvps = [{ id: 'r', groupId: 'g1', meetingId: meeting.id, userId: 'msteams:p1', answer: 'yes' as const, answeredAt: at }];
        const leaderCard = leaderMeetingsCard(t, locale, group, [{ meeting, rsvps, attendance: [] }], [{ meeting, rsvps: [], attendance: [] }]);
        const leader = asActivity({ cards: [leaderCard] });
        expect(textOf(leader)).to.contain(t('meetings.answers', { yes: 1, maybe: 0, no: 0, none: 1 }));
        expect(textOf(leader)).to.contain(t('meetings.attendance', { present: 0, absent: 0, unmarked: 2 }));
        expect(submitActions(leader).map((a) => a.data.action)).to.deep.equal(['meeting.move', 'meeting.cancel', 'attendance', 'meeting.new']);
        expect(textOf(asActivity({ cards: [leaderMeetingsCard(t, locale, group, [], [])] }))).to.contain(t('meetings.noneLeader'));
      });
    });
  }
});

describe('card payloads as Teams sends them', () => {
  it('accepts the fields Teams adds beside ours and drops them; refuses a payload that is not ours', () => {
    const teams = { action: 'rsvp', groupId: 'g1', meetingId: 's1', answer: 'yes', msteams: { type: 'messageBack', displayText: "I'll come" } };
    const parsed = parseCardValue(teams);
    expect(parsed).to.deep.equal({ ok: true, action: { action: 'rsvp', groupId: 'g1', meetingId: 's1', answer: 'yes' } });
    expect(parseCardValue({ action: 'meeting.save', title: 'x'.repeat(101), date: '', time: '', duration: '', place: '' }).ok).to.equal(false);
    expect(parseCardValue({ action: 'snooze', groupId: 'g1', jobId: 'j', minutes: 'soon' }).ok).to.equal(false);
  });
});

describe('menu', () => {
  const views: MenuView[] = [];
  for (let bits = 0; bits < 128; bits++) {
    const [consented, inGroup, mayLead, leadsGroups, canClaimLeadership, inGroupChat, reportReader] = [0, 1, 2, 3, 4, 5, 6].map((b) => (bits & (1 << b)) !== 0);
    views.push({ consented: consented!, inGroup: inGroup!, mayLead: mayLead!, leadsGroups: leadsGroups!, canClaimLeadership: canClaimLeadership!, inGroupChat: inGroupChat!, reportReader: reportReader! });
  }

  it('never shows more than five buttons in one rendered set, nor more than six in a section, whatever the role', () => {
    for (const view of views) {
      const { main, tools, settings } = menuSections(menuEntries, view);
      expect(main.length, JSON.stringify(view)).to.be.at.most(5);
      expect(tools.length, JSON.stringify(view)).to.be.at.most(6);
      expect(settings.length, JSON.stringify(view)).to.be.at.most(6);
      const sets = cardNodes(menuCard(translator('en'), { main, tools, settings })).filter((n: any) => n.type === 'ActionSet');
      for (const set of sets) expect((set as any).actions.length, JSON.stringify(view)).to.be.at.most(5);
    }
    expect(maxButtonsPerSection).to.equal(6);
  });

  it('shows meetings to leaders and members, reminders and pause only to members, nothing personal in a group chat', () => {
    const participant = menuSections(menuEntries, { consented: true, inGroup: true, mayLead: false, leadsGroups: false, canClaimLeadership: false, inGroupChat: false });
    expect(participant).to.deep.equal({ main: ['meetings', 'checkins.start', 'activities.home', 'myGroup'], tools: [], settings: ['reminders', 'pause', 'limits', 'language', 'privacy', 'help'] });
    const leader = menuSections(menuEntries, { consented: false, inGroup: false, mayLead: true, leadsGroups: true, canClaimLeadership: false, inGroupChat: false, reportReader: true });
    expect(leader).to.deep.equal({
      main: ['myGroups', 'meetings', 'activities.home', 'leader.glance'],
      tools: ['newGroup', 'leader.message', 'leader.digestNow', 'outcomes.home', 'outcomes.report', 'outcomes.serviceReport'],
      settings: ['leader.digestSettings', 'language', 'privacy', 'help'],
    });
    expect(menuSections(menuEntries, { ...participant && { consented: true, inGroup: true, mayLead: false, leadsGroups: false, canClaimLeadership: false }, inGroupChat: true })).to.deep.equal({ main: ['help'], tools: [], settings: [] });
  });

  it('labels every button of every view in every language, and every menu entry is shown to someone', () => {
    const titlesOf = (node: unknown): string[] =>
      Array.isArray(node)
        ? node.flatMap(titlesOf)
        : node && typeof node === 'object'
          ? [...(typeof (node as { title?: unknown }).title === 'string' && (node as { type?: string }).type?.startsWith('Action.') ? [(node as { title: string }).title] : []), ...Object.values(node).flatMap(titlesOf)]
          : [];
    const shown = new Set<string>();
    for (const locale of locales) {
      for (const view of views) {
        const sections = menuSections(menuEntries, view);
        [...sections.main, ...sections.tools, ...sections.settings].forEach((a) => shown.add(a));
        const titles = titlesOf(menuCard(translator(locale), sections));
        expect(titles.length, JSON.stringify(view)).to.be.at.least(sections.main.length + sections.tools.length + sections.settings.length);
        for (const title of titles) expect(title, `${locale} ${JSON.stringify(view)}`).to.be.a('string').and.not.equal('').and.not.match(/^menu\./);
      }
    }
    expect([...shown].sort()).to.deep.equal([...new Set(menuEntries.map((e) => e.action))].sort());
    // One language literally: the participant's main buttons in Finnish.
    const fi = titlesOf(menuCard(translator('fi'), menuSections(menuEntries, views[3]!)));
    expect(fi).to.include('Tapaamiset').and.include('Oma ryhmä');
  });
});
