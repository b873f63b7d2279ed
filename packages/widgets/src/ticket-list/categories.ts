import type { TicketCategory } from '@ringside/core';

/** One dependent select of the category tree: its options and the chosen id (or ''). */
export interface CategoryLevel {
  depth: number;
  options: readonly TicketCategory[];
  selected: string;
}

/**
 * The selects to show for a chosen path: the top level always, then one more level for each
 * chosen category that has children (product → category → specialty in the seeds).
 */
export function categoryLevels(tree: readonly TicketCategory[], path: readonly string[]): CategoryLevel[] {
  const levels: CategoryLevel[] = [];
  let options = tree;
  for (let depth = 0; options.length; depth++) {
    const selected = path[depth] ?? '';
    const node = options.find((category) => category.id === selected);
    levels.push({ depth, options, selected: node ? selected : '' });
    if (!node) break;
    options = node.children;
  }
  return levels;
}

/** The path after choosing `id` at `depth`: deeper choices are dropped, because they depended on it. */
export function chooseCategory(tree: readonly TicketCategory[], path: readonly string[], depth: number, id: string): string[] {
  const next = [...path.slice(0, depth), ...(id ? [id] : [])];
  return validCategoryPath(tree, next);
}

/** The longest prefix of `path` that exists in the tree (a draft may outlive a changed tree). */
export function validCategoryPath(tree: readonly TicketCategory[], path: readonly string[]): string[] {
  const valid: string[] = [];
  let level = tree;
  for (const id of path) {
    const node = level.find((category) => category.id === id);
    if (!node) break;
    valid.push(id);
    level = node.children;
  }
  return valid;
}

/** Labels along a ticket's category path; ids the tree does not know are shown as they are. */
export function categoryLabels(tree: readonly TicketCategory[], path: readonly string[]): string[] {
  let level: readonly TicketCategory[] = tree;
  return path.map((id) => {
    const node = level.find((category) => category.id === id);
    level = node?.children ?? [];
    return node?.label ?? id;
  });
}
