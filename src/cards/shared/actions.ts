import { z } from 'zod';

/*
 * Building blocks of the Action.Submit payloads. Each feature declares its own payload schemas next
 * to its cards (src/cards/<feature>/payloads.ts); the router builds the parser from them, so anything
 * no feature declared is stale or forged.
 */

export const boolish = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');
export const id = z.string().min(1).max(200);
/** Card inputs arrive as strings (Input.Number too, in some clients); empty means unanswered. */
export const text = (max: number) => z.string().max(max).optional().default('');

/** A payload that carries nothing but its action name. */
export const simple = <A extends string>(action: A) => z.object({ action: z.literal(action) });

/** The actions of the router itself: the menu, help, and "Cancel" on any form. */
export const menuPayload = simple('menu');
export const helpPayload = simple('help');
/** "Cancel" on a form: ends the dialog that showed it, nothing is changed. */
export const formCancelPayload = simple('form.cancel');

export const submit = (title: string, data: Record<string, unknown>) => ({ type: 'Action.Submit', title, data });

/** A button that sends no form inputs, so the client never blocks it on an unfinished form (Cancel, End pause). */
export const submitWithoutInputs = (title: string, data: Record<string, unknown>) => ({ ...submit(title, data), associatedInputs: 'none' });
