import { expect } from 'chai';
import { menuEntries } from '../../../dialogs/router';
import { menuCard, menuSections, type MenuView } from '../../../src/cards/shared/menu';
import { translator } from '../../../src/i18n';
import { cardNodes } from '../../support/cards';

/** The menu on a phone (issue 10, item 9): the few main things, the rest behind one button that opens in place. */
const fi = translator('fi');

type Node = Record<string, any>;
const all = (node: unknown) => cardNodes(node);
const menuOf = (view: MenuView) => menuCard(fi, menuSections(menuEntries, view));

describe('menu card', () => {
  it('menu: a participant sees four things (meetings, check-in, activities, my group) and "Omat asetukset ja ohje", which opens the rest in place', () => {
    const card = menuOf({ consented: true, inGroup: true, mayLead: false, leadsGroups: false, canClaimLeadership: false, inGroupChat: false });
    const sets = (card.body as Node[]).filter((e) => e.type === 'ActionSet');
    expect(sets.map((set) => (set.actions as Node[]).map((b) => [b.type, b.title]))).to.deep.equal([
      [
        ['Action.Submit', 'Tapaamiset'],
        ['Action.Submit', 'Check-in'],
        ['Action.Submit', 'Aktiviteetit'],
        ['Action.Submit', 'Oma ryhmä'],
      ],
      [['Action.ShowCard', 'Omat asetukset ja ohje']],
    ]);
    const more = all(sets[1]!.actions[0]!.card).filter((n) => n.type === 'Action.Submit');
    expect(more.map((b) => b.title)).to.deep.equal(['Muistutukset', 'Tauko muistutuksiin', 'Omat rajat', 'Kieli', 'Omat tiedot', 'Ohje']);
    expect(more.map((b) => b.data.action)).to.deep.equal(['reminders', 'pause', 'limits', 'language', 'privacy', 'help']);
  });

  it('menu: a leader\'s five main buttons, with "more" in a set of its own (Teams folds a sixth action of a set into "…")', () => {
    // A leader's start asks no consent (they are not a participant).
    const card = menuOf({ consented: false, inGroup: false, mayLead: true, leader: true, leadsGroups: true, canClaimLeadership: false, inGroupChat: false });
    const sets = (card.body as Node[]).filter((e) => e.type === 'ActionSet');
    expect(sets.map((set) => (set.actions as Node[]).map((b) => b.title))).to.deep.equal([
      ['Ryhmäni', 'Tapaamiset', 'Aktiviteetit', 'Tulokset', 'Viesti osallistujalle'],
      ['Omat asetukset ja ohje'],
    ]);
    expect(sets[1]!.actions[0]).to.include({ type: 'Action.ShowCard', title: 'Omat asetukset ja ohje' });
  });

  it('menu in a group chat: only help, no "more"', () => {
    const card = menuOf({ consented: true, inGroup: true, mayLead: false, leadsGroups: false, canClaimLeadership: false, inGroupChat: true });
    expect(all(card).filter((n) => typeof n.type === 'string' && n.type.startsWith('Action.')).map((b) => b.title)).to.deep.equal(['Ohje']);
  });
});
