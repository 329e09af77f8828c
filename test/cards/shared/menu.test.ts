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
    // Six settings: five in a set and the sixth in the next (a renderer folds a set's sixth action away).
    expect((sets[1]!.actions[0].card.body as Node[]).map((set) => (set.actions as Node[]).length)).to.deep.equal([5, 1]);
    const more = all(sets[1]!.actions[0].card).filter((n) => n.type === 'Action.Submit');
    expect(more.map((b) => b.title)).to.deep.equal(['Muistutukset', 'Tauko muistutuksiin', 'Omat rajat', 'Kieli', 'Omat tiedot', 'Ohje']);
    expect(more.map((b) => b.data.action)).to.deep.equal(['reminders', 'pause', 'limits', 'language', 'privacy', 'help']);
  });

  it('menu of a leader: the frequent things, then "Lisää: työkalut ja asetukset" with the tools and, apart, the settings', () => {
    const card = menuOf({ consented: true, inGroup: false, mayLead: true, leader: true, leadsGroups: true, canClaimLeadership: false, inGroupChat: false });
    const [buttons, moreSet] = (card.body as Node[]).filter((e) => e.type === 'ActionSet').map((set) => set.actions as Node[]);
    expect(buttons!.map((b) => b.title)).to.deep.equal(['Ryhmäni', 'Tapaamiset', 'Aktiviteetit', 'Ryhmä yhdellä silmäyksellä']);
    expect(moreSet!.map((b) => [b.type, b.title])).to.deep.equal([['Action.ShowCard', 'Lisää: työkalut ja asetukset']]);
    const sets = (moreSet![0]!.card.body as Node[]).map((set) => (set.actions as Node[]).map((b) => b.title));
    expect(sets).to.deep.equal([
      ['Luo ryhmä', 'Viesti osallistujalle', 'Kooste nyt', 'Tulokset', 'Raportti'],
      ['Koosteen ajat', 'Kieli', 'Omat tiedot', 'Ohje'],
    ]);
  });

  it('menu in a group chat: only help, no "more"', () => {
    const card = menuOf({ consented: true, inGroup: true, mayLead: false, leadsGroups: false, canClaimLeadership: false, inGroupChat: true });
    expect(all(card).filter((n) => typeof n.type === 'string' && n.type.startsWith('Action.')).map((b) => b.title)).to.deep.equal(['Ohje']);
  });
});
