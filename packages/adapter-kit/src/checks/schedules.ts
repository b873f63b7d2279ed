import type { Schedule, ScheduleInput } from '@ringside/core';
import { ensureEqual } from '../assert.js';
import type { Check } from '../types.js';
import { canWrite, check } from './define.js';
import { Fixture } from './fixture.js';
import { newScheduleInput } from './inputs.js';
import { resourceChecks, type ResourceSpec } from './resources.js';

export const SCHEDULES: ResourceSpec<Schedule, ScheduleInput> = {
  domain: 'schedules',
  noun: 'schedule',
  crud: (fixture) => fixture.section('schedules'),
  input: async (fixture) => newScheduleInput(fixture),
  change: (input) => ({ ...input, name: `${input.name} renamed`, period: 'hr {20-7}', timeZone: 'Europe/Berlin' }),
  sorts: [{ field: 'name', values: async () => [(item) => item.name] }],
  searchIn: (item) => [item.name],
  invalid: () => [
    { field: 'name', reason: 'required', input: (valid) => ({ ...valid, name: '' }) },
    { field: 'period', input: (valid) => ({ ...valid, period: 'wd {mo-fr' }) },
    { field: 'period', input: (valid) => ({ ...valid, period: 'hr {25}' }) },
    { field: 'timeZone', input: (valid) => ({ ...valid, timeZone: 'Mars/Olympus_Mons' }) },
  ],
};

/** Written as people write them: spacing, case and long names must come back unchanged. */
const PERIODS_AS_WRITTEN = ['wd{Mo-Fr}  hr {9-16}', 'hour {8pm-5am}', 'wd {sa su}, hr {12}', 'Always'];

export const SCHEDULE_CHECKS: Check[] = [
  ...resourceChecks(SCHEDULES),
  check('schedules', 'period-as-written', 'a period is kept exactly as written', [canWrite('schedules')], async (context) => {
    const fixture = new Fixture(context);
    const schedules = fixture.section('schedules');
    for (const period of PERIODS_AS_WRITTEN) {
      const created = await schedules.create({ ...newScheduleInput(fixture), period });
      ensureEqual((await schedules.get(created.id)).period, period, `period of a schedule created with ${JSON.stringify(period)}`);
    }
  }),
];
