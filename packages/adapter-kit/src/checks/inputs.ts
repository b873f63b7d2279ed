import type { ExtensionInput, HuntGroupInput, ScheduleInput } from '@ringside/core';
import type { Fixture } from './fixture.js';

/** Valid inputs for new records, different on every call. */
export async function newExtensionInput(fixture: Fixture): Promise<ExtensionInput> {
  const published = fixture.adapter.capabilities.extensions.fields.includes('published');
  return { number: await fixture.freeNumber(), name: fixture.name('Ext'), ...(published ? { published: true } : {}) };
}

export async function newHuntGroupInput(fixture: Fixture): Promise<HuntGroupInput> {
  return {
    number: await fixture.freeNumber(),
    name: fixture.name('Group'),
    sequence: fixture.adapter.capabilities.huntGroups.sequences[0] ?? 'order',
    callerIdMode: 'keep_original',
    pickupAllowed: false,
    members: [],
    includedGroups: [],
  };
}

export function newScheduleInput(fixture: Fixture): ScheduleInput {
  return { name: fixture.name('Schedule'), period: 'wd {mo-fr} hr {9-16}', timeZone: 'UTC' };
}
