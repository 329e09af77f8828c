import { expect } from 'chai';
import { rosterCard } from '../../../src/cards/groups';
import { attendanceCard } from '../../../src/cards/meetings';
import { limitsCard } from '../../../src/cards/people';
import { pauseCard, reminderSettingsCard } from '../../../src/cards/reminders';
import { translator } from '../../../src/i18n';
import { at, group, meeting } from '../../support/cardFixtures';
import { cardNodes } from '../../support/cards';

/** The card-side half of the phone layout (issue 10, item 9); test/e2e/phone.e2e.ts sees the page side in Chromium. */
const members = [...group.members, { userId: 'msteams:p3', displayName: '', joinedAt: at }];
const fi = translator('fi');

type Node = Record<string, any>;
const all = (node: unknown) => cardNodes(node);

describe('cards on a phone', () => {
  it('roster: numbered 1, 2, 3 in plain text runs that are never read as markdown lists', () => {
    const card = rosterCard(fi, 'fi', group, members, 1);
    expect(all(card).some((n) => n.type === 'FactSet')).to.equal(false);
    const lines = (card.body as Node[]).filter((e) => e.type === 'RichTextBlock').map((e) => e.inlines.map((i: Node) => `${i.type}:${i.text}`).join(''));
    expect(lines).to.deep.equal(['TextRun:1. Aino', 'TextRun:2. Siri', 'TextRun:3. (ei nimeä)']);
  });

  it('long toggle and choice titles wrap instead of being cut', () => {
    const cards = [
      limitsCard(fi, undefined),
      reminderSettingsCard(fi, 'fi', { enabled: true, offsetsMinutes: [1440], quietHours: { start: '21:00', end: '08:00' } }),
      pauseCard(fi, 'fi', undefined, '2026-11-20'),
      attendanceCard(fi, 'fi', { ...group, members }, meeting, []),
    ];
    const inputs = cards.flatMap((c) => all(c)).filter((n) => n.type === 'Input.Toggle' || (n.type === 'Input.ChoiceSet' && n.style === 'expanded'));
    expect(inputs.map((i) => i.id)).to.deep.equal(['mobility', 'budget', 'enabled', 'offsets', 'quietOn', 'reason', 'm0', 'm1', 'm2']);
    for (const input of inputs) expect(input.wrap, input.id).to.equal(true);
  });
});
