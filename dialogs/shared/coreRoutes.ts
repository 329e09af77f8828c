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

/**
 * What people write when they are lost. Found anywhere in a message (as whole words), so "apua, en
 * ymmärrä yhtään" counts too. Answered with help: inside a dialog the question again with a hint,
 * outside it one next step.
 */
export const confusedPhrases: Keywords = {
  fi: ['en ymmärrä', 'en ymmärtänyt', 'en tajua', 'en tiedä', 'en osaa', 'mitä pitää tehdä', 'mitä minun pitää tehdä', 'mitä mun pitää tehdä', 'mitä teen', 'mitä nyt', 'mitä tehdään', 'miten tämä toimii', 'miten tää toimii'],
  sv: ['förstår inte', 'fattar inte', 'vad ska jag göra', 'vad gör jag', 'hur fungerar det', 'hur funkar det', 'jag vet inte', 'vad nu'],
  en: ["don't understand", 'dont understand', 'do not understand', 'what do i do', 'what should i do', 'what do i need to do', 'what now', 'how does this work', "i'm lost", 'im lost', "don't know", 'dont know'],
};

/** "suomeksi kiitos", "på svenska", "in English": the person chooses the language in words. */
export const languagePhrases: Keywords = {
  fi: ['suomeksi', 'suomeksi kiitos', 'puhu suomea', 'suomea kiitos', 'in finnish', 'på finska'],
  sv: ['på svenska', 'på svenska tack', 'svenska tack', 'ruotsiksi', 'ruotsiksi kiitos', 'in swedish'],
  en: ['in english', 'in english please', 'english please', 'speak english', 'englanniksi', 'englanniksi kiitos', 'på engelska'],
};

/** Loose form of a message for phrase matching: lower case, one kind of apostrophe, no punctuation. */
const loose = (text: string) =>
  text.toLowerCase().replace(/[’`´]/g, "'").replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();

export const isConfused = (text: string): boolean => {
  const words = ` ${loose(text)} `;
  return [...confusedPhrases.fi, ...confusedPhrases.sv, ...confusedPhrases.en].some((p) => words.includes(` ${p} `));
};

/** The language a message asks for in words, if it is nothing but such a request. */
export const languageAskedFor = (text: string): 'fi' | 'sv' | 'en' | undefined =>
  (['fi', 'sv', 'en'] as const).find((l) => languagePhrases[l].includes(loose(text)));

/** Typed text as a keyword: case, a leading slash or bang and trailing punctuation do not matter. */
export const normalizeKeyword = (text: string) => text.trim().toLowerCase().replace(/^[/!]+/, '').replace(/[.!?]+$/, '');

const wordsOf = (action: string) => coreRoutes.actions.find((a) => a.action === action)?.keywords;
/** Whether typed text is "help", "cancel" or "menu" in any language: what every open dialog answers. */
export function isKeyword(text: string, which: 'help' | 'cancel' | 'menu'): boolean {
  const words = which === 'cancel' ? routerKeywords.cancel : wordsOf(which);
  const normalized = normalizeKeyword(text);
  if (which === 'help' && isConfused(text)) return true;
  return !!words && [...words.fi, ...words.sv, ...words.en].includes(normalized);
}
