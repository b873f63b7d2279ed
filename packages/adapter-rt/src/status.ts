import { TICKET_STATUSES, type TicketStatus } from '@ringside/core';

export interface StatusMapping {
  /** The contract's status of an RT status; unknown custom statuses come through as RT names them. */
  fromRt(rtStatus: string): TicketStatus;
  /** Every RT status that shows as `status`. */
  toRt(status: TicketStatus): string[];
  /** The statuses tickets can show, in display order: the contract's, then custom ones. */
  statuses: TicketStatus[];
}

/**
 * RT's own five statuses are the contract's; `statusMap` maps a custom lifecycle's statuses onto
 * them (or onto names of its own). RT compares statuses without regard to case.
 */
export function createStatusMapping(statusMap: Record<string, TicketStatus> = {}): StatusMapping {
  const map = new Map(Object.entries(statusMap).map(([rt, status]) => [rt.toLowerCase(), status]));
  const fromRt = (rtStatus: string): TicketStatus => map.get(rtStatus.toLowerCase()) ?? rtStatus.toLowerCase();
  const toRt = (status: TicketStatus): string[] => {
    const mapped = [...map].filter(([, to]) => to === status).map(([rt]) => rt);
    return map.has(status.toLowerCase()) ? mapped : [status, ...mapped];
  };
  const statuses = [...new Set<TicketStatus>([...TICKET_STATUSES, ...map.values()])];
  return { fromRt, toRt, statuses };
}
