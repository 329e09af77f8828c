import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import type { DialogDeps } from '../../../dialogs/shared/context';
import { CreateGroupDialog } from '../../../dialogs/groups/createGroupDialog';
import { JoinGroupDialog } from '../../../dialogs/groups/joinGroupDialog';
import { OnboardingDialog } from '../../../dialogs/people/onboardingDialog';
import type { Locale } from '../../../src/domain/shared/locale';
import type { GroupService } from '../../../src/services/groups/groups';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { expectedTexts, type LiteralTexts } from '../../support/expectedTexts';
import { freshStore } from '../../support/cosmos';
import { dialogClient, dialogWorld } from '../../support/dialogDeps';

/** What a Finnish-speaking person reads, written out (the other languages are checked through the locale files). */
const literalFi: LiteralTexts = {
  "common.cancelled": "Selvä, lopetin sen. Mitään ei muutettu.",
  "createGroup.askLanguage": "Mitä kieltä ryhmä käyttää?",
  "createGroup.askName": "Mikä on ryhmän nimi? (2–60 merkkiä)",
  "createGroup.askZone": "Millä aikavyöhykkeellä ryhmä kokoontuu?",
  "createGroup.created {\"group\":\"Group fi\"}": "Ryhmä \"Group fi\" on valmis. Tässä kutsu osallistujille:",
  "createGroup.help":
    "Luodaan uusi ryhmä: kysyn nimen, aikavyöhykkeen ja kielen. Sen jälkeen saat kutsukoodin osallistujille.",
  "errors.NOT_LEADER":
    "Vain ryhmien ohjaajat voivat tehdä sen. Jos ohjaat ryhmiä, valitse valikosta \"Olen ryhmän ohjaaja\".",
  "join.askCode": "Kirjoita ohjaajaltasi saamasi kutsukoodi (esimerkiksi ABCDE-FGHJK).",
  "join.welcome {\"group\":\"Join fi\"}":
    "Tervetuloa ryhmään \"Join fi\"! Ohjaajallesi on kerrottu, että liityit. Kerron sinulle, kun on jotain suunniteltavaa tai tapaaminen tulossa.",
  "limits.saved": "Kiitos, tallensin rajasi. Voit muuttaa niitä milloin tahansa kohdassa \"Omat rajat\".",
  "limits.title": "Omat rajasi (vapaaehtoinen)",
  "onboarding.consentQuestion": "Saanko tallentaa nämä tiedot?",
  "onboarding.consentText":
    "Ennen kuin jatketaan: jotta voit olla mukana ryhmässä, tallennan sinusta muutaman asian – nimen, jonka ryhmäsi näkee, ryhmäsi ja rajat, joista haluat kertoa. Ohjaajasi näkee nimesi ja ryhmän toiminnan; muut osallistujat näkevät vain nimesi. Voit katsoa ja poistaa tietosi milloin tahansa kohdasta \"Omat tiedot\".",
  "onboarding.declined":
    "Se on täysin kunnossa. En tallenna sinusta mitään. Ilman lupaa en voi lisätä sinua ryhmään, mutta voit muuttaa mieltäsi milloin tahansa kirjoittamalla \"aloita\".",
  "onboarding.done":
    "Valmista! Seuraavaksi liity ryhmääsi ohjaajalta saamallasi koodilla – kirjoita tai liitä se tähän.",
  "onboarding.name": "Millä nimellä haluat näkyä ryhmässä? Etunimi riittää.",
  "onboarding.thanks {\"name\":\"Mia\"}": "Kiitos, Mia!",
};

const answers = {
  fi: { lang: 'Suomi', yes: 'Kyllä', no: 'Ei', cancel: 'peruuta' },
  sv: { lang: 'Svenska', yes: 'Ja', no: 'Nej', cancel: 'avbryt' },
  en: { lang: 'English', yes: 'Yes', no: 'No', cancel: 'cancel' },
} as const;

/** Everything a person reads in one reply: text, hero-card buttons and Adaptive Card text. */
function read(reply: Partial<Activity> | undefined): string {
  if (!reply) return '';
  return JSON.stringify([reply.text ?? '', reply.attachments ?? []]);
}

describe('dialogs (DialogTestClient transcripts on the embedded Cosmos store)', () => {
  let store: CosmosStore;
  let deps: DialogDeps;
  let groups: GroupService;

  before(async () => {
    store = await freshStore('dialogs');
    deps = dialogWorld(store, '2026-11-25T10:00:00Z', ['test:leader', 'test:newleader']).deps;
    groups = deps.groups;
    // The leader has given the name participants see (a leader without one is asked first: below).
    await deps.users.giveConsent('test:leader', 'Leena');
  });

  it("create group: a leader without a name gives it first, then the group's questions follow", async () => {
    const c = client(new CreateGroupDialog(deps), 'newleader', 'fi');
    expect((await c.sendActivity('new'))?.text).to.equal('Millä nimellä haluat näkyä osallistujille? Esimerkiksi "Leena" tai "Leena Virtanen".');
    expect((await c.sendActivity('Leo'))?.text).to.equal('Kiitos, Leo! Osallistujat näkevät sinut tällä nimellä. Luodaan nyt ryhmä.');
    expect(c.getNextReply()?.text).to.equal('Mikä on ryhmän nimi? (2–60 merkkiä)');
    expect((await deps.users.get('test:newleader'))?.displayName).to.equal('Leo');
    await c.sendActivity('peruuta');
  });
  after(async () => store.close());

  const client = (dialog: Dialog, userId: string, locale: Locale, options?: unknown) => dialogClient(store, dialog, userId, locale, options);

  for (const locale of ['fi', 'sv', 'en'] as const) {
    const t = expectedTexts(locale, 'fi', literalFi);
    const a = answers[locale];

    describe(`in ${locale}`, () => {
      it('onboarding: language, consent, name, limits form', async () => {
        const c = client(new OnboardingDialog(deps), `onb-${locale}`, locale);
        expect(read(await c.sendActivity('hei'))).to.contain(a.lang);
        expect(c.getNextReply()?.text).to.equal(undefined);
        expect((await c.sendActivity(a.lang))?.text).to.equal(t('onboarding.consentText'));
        expect(read(c.getNextReply())).to.contain(t('onboarding.consentQuestion')).and.contain(a.yes);
        expect((await c.sendActivity(a.yes))?.text).to.equal(t('onboarding.name'));
        expect((await c.sendActivity('Mia'))?.text).to.equal(t('onboarding.thanks', { name: 'Mia' }));
        expect(read(c.getNextReply())).to.contain(t('limits.title'));
        expect((await c.sendActivity({ type: 'message', value: { action: 'limits.save', mobility: 'true', budget: 'false', times: 'mornings', note: '' } }))?.text).to.equal(t('limits.saved'));
        expect(c.getNextReply()?.text).to.equal(t('onboarding.done'));
        expect(c.dialogTurnResult.result).to.deep.equal({ consented: true });
        const user = await deps.users.get(`test:onb-${locale}`);
        expect(user?.locale).to.equal(locale);
        expect(user?.limits).to.deep.include({ mobility: true, budget: false, times: 'mornings' });
      });

      it('onboarding: declining consent is respected and nothing personal is stored', async () => {
        const c = client(new OnboardingDialog(deps), `decl-${locale}`, locale);
        await c.sendActivity('hei');
        await c.sendActivity(a.lang);
        expect(read(c.getNextReply())).to.contain(t('onboarding.consentQuestion'));
        expect((await c.sendActivity(a.no))?.text).to.equal(t('onboarding.declined'));
        const user = await deps.users.get(`test:decl-${locale}`);
        expect(user?.consent?.given).to.equal(false);
        expect(user?.displayName).to.equal(undefined);
      });

      it('create group: name, time zone, language, invite', async () => {
        const c = client(new CreateGroupDialog(deps), 'leader', locale);
        expect((await c.sendActivity('new'))?.text).to.equal(t('createGroup.askName'));
        expect(read(await c.sendActivity(`Group ${locale}`))).to.contain(t('createGroup.askZone'));
        expect(read(await c.sendActivity('Europe/Stockholm'))).to.contain(t('createGroup.askLanguage'));
        expect((await c.sendActivity(a.lang))?.text).to.equal(t('createGroup.created', { group: `Group ${locale}` }));
        expect(read(c.getNextReply())).to.match(/[2-9A-Z]{5}-[2-9A-Z]{5}/);
        const created = (await groups.groupsLedBy('test:leader')).find((g) => g.name === `Group ${locale}`);
        expect(created).to.deep.include({ timeZone: 'Europe/Stockholm', locale });
      });

      it('create group: a participant is told kindly that only leaders can', async () => {
        const c = client(new CreateGroupDialog(deps), `nobody-${locale}`, locale);
        expect((await c.sendActivity('new'))?.text).to.equal(t('errors.NOT_LEADER'));
      });

      it('join: onboarding first, then the code', async () => {
        const { invite } = await groups.createGroup('test:leader', { name: `Join ${locale}`, timeZone: 'Europe/Helsinki', locale });
        const c = client(new JoinGroupDialog(deps), `joiner-${locale}`, locale, {});
        await c.sendActivity('join');
        await c.sendActivity(a.lang);
        c.getNextReply();
        await c.sendActivity(a.yes);
        await c.sendActivity('Noa');
        c.getNextReply();
        await c.sendActivity({ type: 'message', value: { action: 'limits.save', skip: true } });
        expect(c.getNextReply()?.text).to.equal(t('join.askCode'));
        expect((await c.sendActivity(invite.code))?.text).to.equal(t('join.welcome', { group: `Join ${locale}` }));
      });

      it('help repeats what is asked; cancel ends the dialog without storing anything', async () => {
        const c = client(new CreateGroupDialog(deps), 'leader', locale);
        await c.sendActivity('new');
        const help = await c.sendActivity(locale === 'fi' ? 'apua' : locale === 'sv' ? 'hjälp' : 'help');
        expect(help?.text).to.contain(t('createGroup.help'));
        expect(c.getNextReply()?.text).to.equal(t('createGroup.askName'));
        const before = (await groups.groupsLedBy('test:leader')).length;
        expect((await c.sendActivity(a.cancel))?.text).to.equal(t('common.cancelled'));
        expect(c.dialogTurnResult.status).to.equal('complete');
        expect((await groups.groupsLedBy('test:leader')).length).to.equal(before);
      });
    });
  }
});
