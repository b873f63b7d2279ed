import type { ErrorCode } from '@ringside/core';

export interface TopUpDetail {
  currency: string;
  /** What the customer can spend now, for a host that suggests an amount. */
  availableFunds: number | null;
}

export interface AuthRequiredDetail {
  code: Extract<ErrorCode, 'unauthorized'>;
}

/** Every domain event a Ringside widget dispatches. They bubble and cross shadow roots. */
export interface RingsideEventMap {
  'rs-top-up': CustomEvent<TopUpDetail>;
  'rs-auth-required': CustomEvent<AuthRequiredDetail>;
}

declare global {
  interface GlobalEventHandlersEventMap extends RingsideEventMap {}
}
