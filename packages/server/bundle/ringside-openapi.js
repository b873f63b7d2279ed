// The OpenAPI adapter as a bundled module, for pages next to ringside.js that talk to a backend
// implementing openapi/ringside.yaml (the demo portal talks to the reference server). Built
// together with ringside.js, so the code both need (@ringside/core: one RingsideError class) is
// one shared chunk. Importing it registers no tags: a page may sign in before loading the widgets.
export { connectOpenApiAdapter, createOpenApiAdapter, getSession, signIn, signOut } from '@ringside/openapi-client';
