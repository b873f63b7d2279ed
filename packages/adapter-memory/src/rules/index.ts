export { assertValid, conflict, notFound, reason, unsupported } from './errors.js';
export { booleanReasons, duplicateReasons, integerReasons, oneOfReasons, textReasons } from './values.js';
export { resolvePaging, sortReasons, type ResolvedPaging } from './paging.js';
export { assertVersion, nextVersion } from './versions.js';
export { numberReasons, type NumberRulesContext } from './numbers.js';
export { EXTENSION_NAME_MAX, extensionReasons, type ExtensionRulesContext } from './extensions.js';
export {
  HUNT_GROUP_NAME_MAX,
  RING_DELAY_MAX,
  RING_TIME_MAX,
  findInclusionCycle,
  huntGroupReasons,
  type HuntGroupNode,
  type HuntGroupRulesContext,
} from './hunt-groups.js';
export { PERIOD_MAX, SCHEDULE_NAME_MAX, isTimeZone, periodReasons, scheduleReasons } from './schedules.js';
export { fingerprint, replayed, type IdempotencyRecord } from './idempotency.js';
export { creditBalance } from './balance.js';
export {
  PAYMENT_RETURN_PARAM,
  SAVABLE_METHOD_KINDS,
  amountReasons,
  demoTokenOutcome,
  finishedAction,
  isExpired,
  methodLabel,
  paymentFingerprint,
  paymentReturnUrl,
  publicPayment,
  returnUrlReasons,
  toSavedMethod,
  tokenizedMethodReasons,
  type TokenOutcome,
} from './payments.js';
export { autoPayReasons, type AutoPayRulesContext } from './autopay.js';
export { normalizeVoucherCode, voucherReasons, type VoucherRecord } from './vouchers.js';
export {
  BODY_MAX,
  CUSTOMER_STATUSES,
  ESCALATION_REASON_MAX,
  SUBJECT_MAX,
  assertNotEscalated,
  attachmentIdReasons,
  attachmentReasons,
  categoryPathExists,
  escalationReasons,
  replyReasons,
  statusAfterCustomerReply,
  statusChangeReasons,
  ticketReasons,
  type TicketRulesContext,
} from './tickets.js';
