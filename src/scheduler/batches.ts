/** How a tick picks and runs its share of the due jobs. */

/** `run` over `items`, at most `limit` at a time. */
export async function eachConcurrently<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** `size` consecutive items from a random place (wrapping round), all of them when there are no more. */
export function randomWindow<T>(items: T[], size: number): T[] {
  if (items.length <= size) return items;
  const start = Math.floor(Math.random() * items.length);
  return Array.from({ length: size }, (_, i) => items[(start + i) % items.length]!);
}

export function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
