import { formCancelPayload, helpPayload, menuPayload } from '../../src/cards/shared/actions';
import { isGroupChat, tOf } from './context';
import { formAnswer, handler, type FeatureRoutes, type Keywords } from './routes';

/** The router's own actions: the menu, help, and "Cancel" on any form. */
export const coreRoutes: FeatureRoutes = {
  dialogs: [],
  actions: [
    handler({
      action: 'menu',
      schema: menuPayload,
      roles: ['anyone'],
      groupChat: true,
      keywords: { fi: ['valikko', 'alku'], sv: ['meny'], en: ['menu', 'start'] },
      handle: (turn) => turn.showMenu(),
    }),
    handler({
      action: 'help',
      schema: helpPayload,
      roles: ['anyone'],
      groupChat: true,
      keywords: { fi: ['ohje', 'apua'], sv: ['hjälp'], en: ['help'] },
      handle: (turn) => turn.showMenu(tOf(turn.context)(isGroupChat(turn.context) ? 'help.groupChat' : 'help.main')),
    }),
    formAnswer({ action: 'form.cancel', schema: formCancelPayload, roles: ['anyone'] }),
  ],
  menu: [
    { action: 'help', section: 'main', order: 100, visible: (v) => v.inGroupChat },
    { action: 'help', section: 'settings', order: 100, visible: (v) => !v.inGroupChat },
  ],
};

/** Words the router itself answers: "cancel" with nothing to cancel, and a greeting (the menu with a hello). */
export const routerKeywords: Record<'cancel' | 'greeting', Keywords> = {
  cancel: { fi: ['peruuta', 'lopeta'], sv: ['avbryt'], en: ['cancel', 'stop'] },
  greeting: {
    fi: ['hei', 'moi', 'moikka', 'terve', 'morjens', 'päivää', 'huomenta'],
    sv: ['hej', 'hejsan', 'tjena', 'god dag', 'god morgon', 'hallå'],
    en: ['hello', 'hi', 'hey', 'good morning'],
  },
};

/** Typed text as a keyword: case, a leading slash or bang and trailing punctuation do not matter. */
export const normalizeKeyword = (text: string) => text.trim().toLowerCase().replace(/^[/!]+/, '').replace(/[.!?]+$/, '');

const wordsOf = (action: string) => coreRoutes.actions.find((a) => a.action === action)?.keywords;
/** Whether typed text is "help", "cancel" or "menu" in any language: what every open dialog answers. */
export function isKeyword(text: string, which: 'help' | 'cancel' | 'menu'): boolean {
  const words = which === 'cancel' ? routerKeywords.cancel : wordsOf(which);
  const normalized = normalizeKeyword(text);
  return !!words && [...words.fi, ...words.sv, ...words.en].includes(normalized);
}
