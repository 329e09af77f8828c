import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One turn reads each document once: inside `inTurn`, a point read is answered from what this turn
 * already read or wrote (an identity map), so the profile the bot loads to choose the language is the
 * one the menu, the role check and the dialog use, without asking Cosmos again. A write keeps the
 * written document; a lost IfMatch race forgets it, so the retry reads the newer one from the server.
 * Outside a turn (the scheduler) nothing is cached.
 */
const scope = new AsyncLocalStorage<Map<string, unknown>>();

export type TurnScope = <T>(work: () => Promise<T>) => Promise<T>;

export const inTurn: TurnScope = (work) => scope.run(new Map(), work);

/** The raw document (or null: known to be absent) this turn has seen, or undefined when it has not. */
export const cached = (key: string): unknown => scope.getStore()?.get(key);
export const remember = (key: string, raw: unknown): void => void scope.getStore()?.set(key, raw ?? null);
export const forget = (key: string): void => void scope.getStore()?.delete(key);
