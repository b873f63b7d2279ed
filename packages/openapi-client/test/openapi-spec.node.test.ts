// openapi/ringside.yaml passes `redocly lint`, and the committed generated types are what
// openapi-typescript makes of it today (run `npm run generate -w @ringside/openapi-client`).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('openapi/ringside.yaml', () => {
  it('passes redocly lint', async () => {
    const redocly = join(ROOT, 'node_modules/.bin/redocly');
    expect(existsSync(redocly), 'npm ci installs @redocly/cli').toBe(true);
    const { stdout, stderr } = await run(redocly, ['lint', 'openapi/ringside.yaml'], { cwd: ROOT, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } }).catch(
      (error: { stdout?: string; stderr?: string }) => {
        throw new Error(`redocly lint failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
      },
    );
    const output = `${stdout}${stderr}`;
    expect(output).toMatch(/API description is valid/);
    expect(output).not.toMatch(/\d+ (warning|error)s?\b/i);
  }, 60_000);

  it('has up-to-date generated types in packages/openapi-client/src/generated', async () => {
    await expect(run(process.execPath, ['packages/openapi-client/scripts/generate.mjs', '--check'], { cwd: ROOT })).resolves.toBeDefined();
  }, 60_000);
});
