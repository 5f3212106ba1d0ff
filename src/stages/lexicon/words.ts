/** Splits a whitespace-separated word list (kept as one string so it stays compact and readable). */
export function words(list: string): string[] {
  return list.split(/\s+/).filter((w) => w.length > 0);
}
