import { createRtAdapter, type RtAdapterOptions } from '@ringside/adapter-rt';

/** The real RT the tests talk to, from RINGSIDE_TEST_RT_* (scripts/start-rt.sh prints them). */
export interface TestRt {
  url: string;
  api: string;
  queue: string;
  escalationQueue: string;
  requestor: string;
  token: string;
  otherRequestor: string;
  otherToken: string;
  portalToken: string;
}

export const NO_RT_MESSAGE = [
  'SKIPPED: the Request Tracker tests need a real RT 5, and RINGSIDE_TEST_RT_URL is not set.',
  '  Start one (Debian/Ubuntu, as root; installs request-tracker5 when missing, ~30 s):',
  '    eval "$(scripts/start-rt.sh)"',
  '  then run the tests again in that shell. .ci/run does this on CI.',
].join('\n');

export function testRt(): TestRt | null {
  const env = process.env;
  if (!env.RINGSIDE_TEST_RT_URL) return null;
  const need = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`RINGSIDE_TEST_RT_URL is set but ${name} is not (scripts/start-rt.sh prints every variable)`);
    return value;
  };
  const url = env.RINGSIDE_TEST_RT_URL.replace(/\/+$/, '');
  return {
    url,
    api: `${url}/REST/2.0`,
    queue: need('RINGSIDE_TEST_RT_QUEUE'),
    escalationQueue: need('RINGSIDE_TEST_RT_ESCALATION_QUEUE'),
    requestor: need('RINGSIDE_TEST_RT_REQUESTOR'),
    token: need('RINGSIDE_TEST_RT_TOKEN'),
    otherRequestor: need('RINGSIDE_TEST_RT_OTHER_REQUESTOR'),
    otherToken: need('RINGSIDE_TEST_RT_OTHER_TOKEN'),
    portalToken: need('RINGSIDE_TEST_RT_PORTAL_TOKEN'),
  };
}

/** The customer's adapter, browser-direct with their own token. */
export function customerAdapter(rt: TestRt, overrides: Partial<RtAdapterOptions> = {}) {
  return createRtAdapter({
    baseUrl: rt.api,
    token: rt.token,
    queue: rt.queue,
    requestor: rt.requestor,
    escalation: { type: 'priority', raiseTo: 50 },
    ...overrides,
  });
}
