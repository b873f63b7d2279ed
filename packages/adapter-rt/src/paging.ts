/**
 * How many items a list holds when the server will not say (RT counts transactions only for
 * superusers): probes pages of `probeSize` items, doubling, then halving the gap, so a history
 * of n items costs about 2·log2(n / probeSize) small requests instead of reading all of it.
 * `countOn(page)` answers how many items page `page` (1-based, `probeSize` a page) holds.
 */
export async function countItems(probeSize: number, countOn: (page: number) => Promise<number>): Promise<number> {
  let full = 0; // pages known to be full
  let empty = Number.POSITIVE_INFINITY; // first page known to be empty
  let probe = 1;
  while (empty === Number.POSITIVE_INFINITY || empty - full > 1) {
    const count = await countOn(probe);
    if (count > 0 && count < probeSize) return (probe - 1) * probeSize + count;
    if (count === 0) empty = probe;
    else full = probe;
    probe = empty === Number.POSITIVE_INFINITY ? probe * 2 : Math.floor((full + empty) / 2);
    if (probe <= full) break;
  }
  return full * probeSize;
}

/**
 * The total of a list from one page of it when that page says it (a page short of full, and not
 * empty past the end), else null.
 */
export function totalFromPage(page: number, pageSize: number, count: number): number | null {
  return count > 0 && count < pageSize ? (page - 1) * pageSize + count : page === 1 && count === 0 ? 0 : null;
}
