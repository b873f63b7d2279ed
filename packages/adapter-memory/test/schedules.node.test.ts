import { describe, expect, it } from 'vitest';
import { expectCode, expectInvalid, memory } from './helpers.js';

describe('schedules', () => {
  it('lists the seeded schedules by name', async () => {
    const page = await memory().schedules!.list({});
    expect(page.items.map((s) => [s.name, s.period])).toEqual([
      ['Night service', 'hr {20-7}'],
      ['Office hours', 'wd {mo-fr} hr {9-16}'],
      ['Weekend', 'wd {sa su}'],
    ]);
  });

  it('keeps the period exactly as written', async () => {
    const { schedules } = memory();
    const created = await schedules!.create({ name: 'Lunch', period: 'hr{12}  wd{Mo-Fr}', timeZone: 'America/Vancouver' });
    expect(created.period).toBe('hr{12}  wd{Mo-Fr}');
    const updated = await schedules!.update(created.id, { ...created, period: 'Always' }, { ifMatch: created.version });
    expect([updated.period, updated.version]).toEqual(['Always', '2']);
  });

  it('rejects a malformed period with the parser’s error, and an unknown time zone', async () => {
    const { schedules } = memory();
    const error = await expectInvalid(schedules!.create({ name: '', period: 'wd {mo-fr', timeZone: 'Mars/Olympus_Mons' }), 'name: required', 'period: invalid', 'timeZone: invalid');
    expect(error.fields[1]?.params).toMatchObject({ code: 'unbalanced_brace' });
    await expectInvalid(schedules!.create({ name: 'x', period: 'hr {24}', timeZone: '' }), 'period: invalid', 'timeZone: required');
  });

  it('checks versions and ids', async () => {
    const { schedules } = memory();
    const stale = await schedules!.get('sch-1');
    await schedules!.update('sch-1', { ...stale, name: 'Hours' });
    await expectCode(schedules!.update('sch-1', stale, { ifMatch: stale.version }), 'conflict');
    await expectCode(schedules!.delete('sch-9'), 'not_found');
    await schedules!.delete('sch-1');
    await expectCode(schedules!.get('sch-1'), 'not_found');
  });
});
