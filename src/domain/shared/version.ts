/**
 * A concurrency token: what the store needs to write a document only if it is still what was read.
 * Opaque to everything but the store (Cosmos keeps it as `_etag`, only src/store knows that). A document
 * read from a repository carries its version under `versionKey`; a spread copy (`{ ...group, members }`)
 * keeps it, so writing the copy back is conditional on the read. A document without one is new.
 */
export const versionKey: unique symbol = Symbol('version');

declare const opaque: unique symbol;
export type Version = string & { readonly [opaque]: 'Version' };

export type Versioned<T> = T & { readonly [versionKey]?: Version };

export const versionOf = (doc: object | undefined): Version | undefined => (doc as Versioned<object> | undefined)?.[versionKey];

/** `next` as the new state of `previous`: written only if `previous` is still what is stored (new when there is none). */
export function asNextOf<T extends object>(previous: object | undefined, next: T): Versioned<T> {
  const version = versionOf(previous);
  return version === undefined ? next : { ...next, [versionKey]: version };
}
