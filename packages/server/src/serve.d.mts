import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export const CONTENT_SECURITY_POLICY: string;

export function demoSettings(
  searchParams: URLSearchParams,
  strings: { LANGUAGES: { code: string }[]; CUSTOMERS: string[]; THEMES: string[] }
): { lang: string; theme: string; customer: string };

/** What the pages tell demo.js about Request Tracker; null when RINGSIDE_RT_URL is not set. */
export interface RtPageSettings {
  queue: string;
  escalationQueue: string;
  requestorDomain: string;
}
export function rtPageSettings(env: Record<string, string | undefined>): RtPageSettings | null;

export function createDemoServer(options?: {
  api?: { handles(url: string | undefined): boolean; listener(request: IncomingMessage, response: ServerResponse): unknown };
  rt?: RtPageSettings | null;
}): Server;

export function startDemoServer(options?: {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  env?: Record<string, string | undefined>;
}): Promise<{ server: Server; url: string; database: string; close(): Promise<void> }>;
