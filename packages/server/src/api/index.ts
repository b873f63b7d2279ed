// The reference backend of openapi/ringside.yaml, for the server's entry point and for tests.
export { createApiApp, type ApiAppOptions } from './app.js';
export { prepareDatabase, startApiServer, type ApiServer, type ApiServerOptions } from './server.js';
export { openDatabase, type Database, type DatabaseOptions, type Queryable } from '../db/database.js';
export { migrate, MIGRATIONS } from '../db/migrations.js';
export { DEMO_PASSWORD, DEMO_USERS, insertTenant, seedDemoData } from '../db/seed.js';
export { getRequestListener } from '@hono/node-server';
export { createDemoPaymentService, PAYMENT_SERVICE_ROOT } from '../payment-service/index.js';
