#!/usr/bin/env node
// Builds the API server (see build.mjs) and runs it: `node packages/server/src/api/run.mjs`.
// Environment: PORT, HOST, RINGSIDE_DATA_DIR, DATABASE_URL (see main.ts).
import { pathToFileURL } from 'node:url';
import { buildApi } from './build.mjs';

const { main } = await buildApi();
await import(pathToFileURL(main).href);
