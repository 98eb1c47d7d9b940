/**
 * A pure function of a text, remembered for the most recent `size` texts: the sentences of
 * the articles a question is about are read again by the next question on them.
 */
export function memoizedByText<T>(fn: (text: string) => T, size = 20_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) {
      // Refresh its place: the oldest entries are the ones dropped.
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    const value = fn(text);
    cache.set(text, value);
    if (cache.size > size) cache.delete(cache.keys().next().value!);
    return value;
  };
}
