import type { CustomerData } from './data.js';
import type { NumberRulesContext } from './rules/index.js';

/** Number rules for a record of the shared extension/hunt group number space; `ownId` may keep its own number. */
export function numberRules(data: CustomerData, ownId?: string): NumberRulesContext {
  return {
    numberLength: data.extensionSettings.numberLength,
    isNumberTaken: (number) =>
      data.extensions.some((extension) => extension.number === number && extension.id !== ownId) ||
      data.huntGroups.some((group) => group.number === number && group.id !== ownId),
  };
}
