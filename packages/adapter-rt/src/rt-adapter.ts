import { NO_CAPABILITIES, type Capabilities, type RingsideAdapter } from '@ringside/core';
import type { RtAdapterOptions } from './options.js';
import { createRtClient } from './rest.js';
import { createStatusMapping } from './status.js';
import { createRtTickets } from './tickets.js';

/**
 * A Ringside adapter over Request Tracker 5's REST2 API. It provides tickets only: list (scoped
 * to `requestor`), detail with the conversation, create, reply, close/reopen, attachments and,
 * when `escalation` is configured, escalation. Every other domain is declared unsupported.
 *
 * Behind the portal's proxy: `createRtAdapter({ baseUrl: '/api/rt/REST/2.0', queue, requestor })`.
 * Browser-direct: `createRtAdapter({ baseUrl: 'https://rt.example.com/REST/2.0', token, queue, requestor })`.
 */
export function createRtAdapter(options: RtAdapterOptions): RingsideAdapter {
  for (const name of ['baseUrl', 'queue', 'requestor'] as const) {
    if (typeof options[name] !== 'string' || !options[name].trim()) throw new TypeError(`createRtAdapter needs options.${name}`);
  }
  if (options.escalation?.type === 'priority' && !Number.isFinite(options.escalation.raiseTo))
    throw new TypeError('createRtAdapter: escalation.raiseTo must be a number');
  const statuses = createStatusMapping(options.statusMap);
  const capabilities: Capabilities = {
    ...NO_CAPABILITIES,
    tickets: {
      read: true,
      write: true,
      statuses: statuses.statuses,
      attachments: true,
      escalate: !!options.escalation,
      priorities: false,
    },
  };
  return {
    name: 'Request Tracker',
    capabilities,
    tickets: createRtTickets(createRtClient(options), options, statuses),
  };
}
