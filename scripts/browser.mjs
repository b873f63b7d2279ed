// Finds the Chromium that tests and benchmarks drive. npm never downloads a browser here:
// CHROME_PATH wins, then Debian's /usr/bin/chromium, which is installed when we can (root + apt).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChrome() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but there is no file there.`);
  }
  return CANDIDATES.find((path) => existsSync(path));
}

/** The browser's path, installing Debian's chromium when none is found and apt is usable. */
export function ensureChrome() {
  const found = findChrome();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('No Chromium found: installing Debian\'s "chromium" package with apt-get (one time)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const installed = findChrome();
    if (installed) return installed;
  }
  console.error(
    [
      'No Chromium or Chrome was found, and it could not be installed automatically.',
      'Tests run in a real browser. Either:',
      '  - on Debian/Ubuntu: sudo apt-get install chromium',
      '  - or point CHROME_PATH at a Chrome/Chromium binary: CHROME_PATH=/path/to/chrome npm test',
    ].join('\n'),
  );
  process.exit(1);
}
