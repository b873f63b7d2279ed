/** Runs of consecutive items with the same key: [a, a, b, a] → [[a, a], [b], [a]]. */
export function groupConsecutive<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups: T[][] = [];
  let lastKey: string | undefined;
  for (const item of items) {
    const itemKey = key(item);
    if (groups.length > 0 && itemKey === lastKey) groups[groups.length - 1]!.push(item);
    else groups.push([item]);
    lastKey = itemKey;
  }
  return groups;
}
