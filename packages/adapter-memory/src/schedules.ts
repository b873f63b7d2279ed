import type { Schedule, ScheduleInput, SchedulesAdapter } from '@ringside/core';
import type { MemoryContext } from './context.js';
import { listPage, type ListSpec } from './query.js';
import { findRecord, recordToWrite, removeRecord, touch } from './records.js';
import { assertValid, scheduleReasons } from './rules/index.js';

const LIST_SPEC: ListSpec<Schedule, 'name'> = {
  sortKeys: { name: (schedule) => schedule.name },
  defaultSort: [{ field: 'name', direction: 'asc' }],
  searchIn: (schedule) => [schedule.name, schedule.period],
};

export function createSchedules({ data, call, nextId }: MemoryContext): SchedulesAdapter {
  const toWrite = (id: string, ifMatch: string | undefined) => recordToWrite(data.schedules, id, ifMatch, 'schedule');
  const fields = (input: ScheduleInput) => {
    assertValid(scheduleReasons(input));
    return { name: input.name.trim(), period: input.period, timeZone: input.timeZone };
  };
  return {
    list: (query, options) => call(options, () => listPage(data.schedules, query, LIST_SPEC)),
    get: (id, options) => call(options, () => findRecord(data.schedules, id, 'schedule')),
    create: (input, options) =>
      call(options, () => {
        const schedule: Schedule = { id: nextId('sch-', data.schedules), version: '1', ...fields(input) };
        data.schedules.push(schedule);
        return schedule;
      }),
    update: (id, input, options) =>
      call(options, () => {
        const schedule = Object.assign(toWrite(id, options?.ifMatch), fields(input));
        touch(schedule);
        return schedule;
      }),
    delete: (id, options) => call(options, () => removeRecord(data.schedules, toWrite(id, options?.ifMatch))),
  };
}
