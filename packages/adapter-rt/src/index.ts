export { createRtAdapter } from './rt-adapter.js';
export type { RtAdapterOptions, RtAttachmentLimits, RtEscalation } from './options.js';
export { DEFAULT_ATTACHMENT_LIMITS } from './options.js';
export { buildTicketSearch, quote, requestorScope, ticketSqlTime, type TicketSearch } from './ticket-sql.js';
export { createStatusMapping, type StatusMapping } from './status.js';
export { checkUpdateMessages, errorFromStatus } from './errors.js';
export { conversationSql } from './conversation.js';
export { htmlToText } from './html-text.js';
