// The Request Tracker adapter as a bundled module, for pages next to ringside.js whose tickets live
// in RT (docs/adapters/request-tracker.md). Built together with ringside.js and
// ringside-openapi.js, so all three share one @ringside/core. Registers nothing.
export { createRtAdapter } from '@ringside/adapter-rt';
