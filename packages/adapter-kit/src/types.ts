import type { Capabilities, Domain, PaymentSource, RingsideAdapter } from '@ringside/core';

/** Makes a fresh adapter; the suite calls it once per check, so checks may change data. */
export type AdapterFactory = () => Promise<RingsideAdapter> | RingsideAdapter;

/** A domain, or `contract` for what concerns the adapter as a whole. */
export type CheckDomain = Domain | 'contract';

export interface ConformanceFixtures {
  /** How checks pay; default: the preferred saved method, else a tokenized card with token `tok_visa`. */
  paymentSource?: PaymentSource;
  /** A voucher code valid on every fresh adapter, to check that redeeming it twice with one key credits once. */
  voucherCode?: string;
}

export interface ConformanceOptions {
  /** Run only the checks of these domains. */
  domains?: CheckDomain[];
  /** Run only the checks with these ids (e.g. `extensions.stale-version`). */
  checks?: string[];
  /** Hears each result as soon as its check finishes. */
  reporter?: (result: CheckResult) => void;
  /** Time one check may take, creating its adapter included (default 30 000 ms). */
  timeoutMs?: number;
  fixtures?: ConformanceFixtures;
}

export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  /** Stable id, `<domain>.<name>`. */
  id: string;
  domain: CheckDomain;
  /** What the check expects of the adapter, in words. */
  name: string;
  status: CheckStatus;
  /** Why it failed (or, when skipped, why it does not apply). */
  error?: string;
  durationMs: number;
}

export interface ConformanceReport {
  passed: number;
  failed: number;
  skipped: number;
  results: CheckResult[];
}

export interface CheckContext {
  adapter: RingsideAdapter;
  /** Letters unique to this run of the check, to name and find the records it creates. */
  unique: string;
  fixtures: ConformanceFixtures;
}

export interface Check {
  id: string;
  domain: CheckDomain;
  name: string;
  /** Why the check does not apply to an adapter with these capabilities, or null when it does. */
  skip(capabilities: Capabilities): string | null;
  run(context: CheckContext): Promise<void>;
}
