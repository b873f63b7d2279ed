import type { Extension } from '@ringside/core';
import type { CustomerData } from '../data.js';
import { seededRandom } from '../random.js';

const FIRST_NAMES = ['Ada', 'Bilal', 'Chen', 'Dalia', 'Emeka', 'Freya', 'Goran', 'Hana', 'Ines', 'Jamal', 'Keiko', 'Luca', 'Mira', 'Nikos', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera', 'Wen', 'Ximena', 'Yusuf', 'Zofia'];
const LAST_NAMES = ['Abbott', 'Bauer', 'Castillo', 'Dubois', 'Eriksen', 'Fontaine', 'Gallagher', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Lindgren', 'Moreau', 'Nakamura', 'Okonkwo', 'Petrov', 'Quint', 'Rossi', 'Santos', 'Tanaka', 'Urquhart', 'Virtanen', 'Walsh', 'Yilmaz', 'Zhou'];

/** The fewest digits (at least `current`) whose numbers without a leading zero fit `needed` records. */
function digitsFor(needed: number, current: number): number {
  let length = current;
  while (9 * 10 ** (length - 1) < needed) length++;
  return length;
}

/**
 * A copy of `data` with `count` extensions: the existing ones plus deterministic generated ones.
 * When the numbers need more digits, the extension number length grows and existing extension
 * and hunt group numbers get a prefix (with 5 digits, `101` becomes `10101`).
 */
export function withGeneratedExtensions(data: CustomerData, count: number, seed = 1): CustomerData {
  const copy = structuredClone(data);
  const missing = count - copy.extensions.length;
  if (missing <= 0) return copy;
  const oldLength = copy.extensionSettings.numberLength;
  const length = digitsFor(count + copy.huntGroups.length, oldLength);
  const prefix = '1'.padEnd(length - oldLength, '0').slice(0, length - oldLength);
  for (const record of [...copy.extensions, ...copy.huntGroups]) record.number = prefix + record.number;
  copy.extensionSettings.numberLength = length;

  const taken = new Set([...copy.extensions, ...copy.huntGroups].map((record) => record.number));
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const firstId = copy.extensions.reduce((max, { id }) => Math.max(max, Number(id.replace(/\D/g, '')) || 0), 0) + 1;
  let candidate = 10 ** (length - 1);
  for (let i = 0; i < missing; i++) {
    while (taken.has(String(candidate))) candidate++;
    const extension: Extension = {
      id: `ext-${firstId + i}`,
      number: String(candidate++),
      name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
      phoneLineId: null,
      primaryGroupId: null,
      published: random() > 0.3,
      hasRecordedName: random() < 0.2,
      groupIds: [],
      version: '1',
    };
    copy.extensions.push(extension);
  }
  return copy;
}
