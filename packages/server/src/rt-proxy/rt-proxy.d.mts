import type { IncomingMessage, ServerResponse } from 'node:http';

export const RT_PROXY_PREFIX: string;
export function quote(value: string): string;
export function balancedTicketSql(sql: string): boolean;
export interface RtProxy {
  handles(url: string | undefined): boolean;
  listener(request: IncomingMessage, response: ServerResponse): Promise<void>;
}
export function createRtProxy(options: {
  rtUrl: string;
  rtToken: string;
  queue: string;
  escalationQueue?: string;
  escalationPriority?: number;
  requestorFor: (authorization: string | undefined) => Promise<string | null>;
  fetch?: typeof fetch;
}): RtProxy;
export function rtProxyFromEnvironment(env: Record<string, string | undefined>, apiFetch: (request: Request) => Response | Promise<Response>): RtProxy | null;
