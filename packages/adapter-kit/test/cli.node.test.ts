import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/ringside-conformance.mjs', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

describe('ringside-conformance', () => {
  it('bundles a TypeScript adapter module, runs every check and exits 0', async () => {
    const { code, stdout } = await cli(fixture('memory-adapter.ts'));
    expect(stdout).toMatch(/✓ payments\.voucher-idempotent/);
    expect(stdout).toMatch(/\n\d+ passed, 0 failed, 2 skipped\n$/);
    expect(code).toBe(0);
  }, 30_000);

  it('exits 1 and lists the failures of a broken adapter, as JSON when asked', async () => {
    const text = await cli(fixture('stale-writes-adapter.mjs'), '--domains', 'schedules');
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/Failed:\n {2}✗ schedules\.stale-version/);
    const json = await cli(fixture('stale-writes-adapter.mjs'), '--checks', 'schedules.stale-version,schedules.paging', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ passed: 1, failed: 1, skipped: 0 });
    expect(json.code).toBe(1);
  }, 30_000);

  it('exits 2 with usage for a missing module or a bad option', async () => {
    expect(await cli()).toMatchObject({ code: 2, stderr: expect.stringMatching(/name one adapter module/) });
    expect(await cli('nope.js')).toMatchObject({ code: 2, stderr: expect.stringMatching(/no such file/) });
    expect(await cli(fixture('memory-adapter.ts'), '--timeout', 'soon')).toMatchObject({ code: 2 });
  }, 30_000);
});
