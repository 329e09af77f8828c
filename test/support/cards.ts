import { expect } from 'chai';
import type { Activity } from 'botbuilder';

/** The parts of an Adaptive Card element the dialog tests read. */
export interface CardElement {
  type: string;
  id?: string;
  text?: string;
  color?: string;
  value?: string;
  min?: string;
  max?: string;
  label?: string;
  errorMessage?: string;
  choices?: Array<{ title: string; value: string }>;
  actions?: Array<{ data?: { action?: string } }>;
}
export interface Card {
  body: CardElement[];
  actions: Array<{ title: string; data: { action: string } }>;
}

/** The Adaptive Card in a reply; fails the test when there is none. */
export function cardOf(reply: Partial<Activity> | undefined): Card {
  const content = reply?.attachments?.[0]?.content as Card | undefined;
  expect(content, 'a card').to.not.equal(undefined);
  return content as Card;
}
export const input = (card: Card, id: string) => card.body.find((e) => e.id === id);
/** The error line a form shows when it comes back. */
export const problemOf = (card: Card) => card.body.find((e) => e.color === 'Attention')?.text;

/** Every object inside a card (elements, actions, nested cards, inlines), depth first: for checks that must see nested parts. */
export function cardNodes(node: unknown, found: Array<Record<string, any>> = []): Array<Record<string, any>> {
  if (Array.isArray(node)) node.forEach((n) => cardNodes(n, found));
  else if (node && typeof node === 'object') {
    found.push(node as Record<string, any>);
    Object.values(node).forEach((v) => cardNodes(v, found));
  }
  return found;
}
