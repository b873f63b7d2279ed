export { OPENAPI_CAPABILITIES, createOpenApiAdapter, type OpenApiAdapter, type OpenApiAdapterOptions } from './adapter.js';
export { createRingsideClient, type RingsideClient, type RingsideClientOptions, type TokenSource } from './client.js';
export { codeForStatus, errorFromResponse, errorFromThrown, parseRetryAfter } from './errors.js';
export { connectOpenApiAdapter, getSession, signIn, signOut, type NewSession, type SessionInfo } from './session.js';
export type { components, operations, paths } from './generated/ringside.js';
