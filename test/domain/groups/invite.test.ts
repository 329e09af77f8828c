import { expect } from 'chai';
import { findInviteCode } from '../../../src/domain/groups';

describe('domain: what is and is not an invite code', () => {
  const codes: Array<[string, string]> = [
    ['CPX6X-83FDA', 'CPX6X-83FDA'],
    ['cpx6x-83fda', 'CPX6X-83FDA'],
    ['cpx6x 83fda', 'CPX6X-83FDA'],
    ['cpx6x83fda', 'CPX6X-83FDA'],
    ['abcdefghjk', 'ABCDE-FGHJK'],
    ['  ABCDE-FGHJK.  ', 'ABCDE-FGHJK'],
    ['koodi on cpx6x 83fda', 'CPX6X-83FDA'],
    ['Here is my code: abcde-fghjk thanks', 'ABCDE-FGHJK'],
    ['min kod är ABCDEFGHJK', 'ABCDE-FGHJK'],
    // The bot's own forwardable invite sentence, in each language, pasted whole.
    [
      'Sinut on kutsuttu valmennusryhmään "Kuntosaliryhmä". Avaa keskustelu Ryhmävalmentajan (Group Coach) kanssa ja kirjoita koodi CPX6X-83FDA. Koodi on voimassa 15.12.2026 asti.',
      'CPX6X-83FDA',
    ],
    [
      'Du är inbjuden till coachningsgruppen "Kuntosaliryhmä". Öppna en chatt med Gruppcoachen (Group Coach) och skriv koden CPX6X-83FDA. Koden gäller till och med 15.12.2026.',
      'CPX6X-83FDA',
    ],
    ["You're invited to the coaching group \"Understand\". Open a chat with Group Coach and type the code CPX6X-83FDA. The code works until 15 Dec 2026.", 'CPX6X-83FDA'],
  ];
  for (const [text, code] of codes) it(`"${text.slice(0, 40)}" is the code ${code}`, () => expect(findInviteCode(text)).to.equal(code));

  const sentences = [
    "I don't understand",
    'I dont understand',
    'Milloin on seuraava tapaaminen?',
    'Avaa keskustelu kanssani',
    'keskustelu',
    'mitä pitää tehdä',
    'en ymmärrä yhtään mitään',
    'Jag förstår inte vad jag ska göra',
    'vad ska jag göra nu',
    'taas kerta tapaa ryhmää',
    'what do I do',
    'Kiitos paljon, nähdään torstaina',
    'soita 0401234567',
    '2345678923',
    'Hyvää huomenta kaikille ryhmäläisille',
  ];
  for (const text of sentences) it(`"${text}" is a sentence`, () => expect(findInviteCode(text)).to.equal(undefined));
});
