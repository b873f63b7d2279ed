// The in-memory demo backend as a bundled module, for demo pages next to ringside.js. Built
// together with ringside.js, so the code both need (@ringside/core) is one shared chunk.
export { createMemoryAdapter } from '@ringside/adapter-memory';
