// Config of `cem analyze --litelement` (run from this folder: `npm run analyze`, and by the build).
// It reads the TypeScript sources and their JSDoc (@summary, @slot, @event, @csspart,
// @cssproperty) and writes custom-elements.json next to package.json, describing what ships:
// module paths point at dist/*.js, the files a host imports.

/**
 * Our registration files call `RsBalanceCard.define('rs-balance-card')` (a static method that warns
 * instead of throwing on a second definition), which the analyzer does not recognise the way it
 * recognises `customElements.define()`. This records such calls as custom element definitions,
 * so classes get their `tagName` and the registration modules export their tag.
 */
function staticDefineCallsPlugin() {
  return {
    name: 'ringside-static-define-calls',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node)) return;
      const callee = node.expression;
      if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'define' || !ts.isIdentifier(callee.expression)) return;
      const [tagArg] = node.arguments;
      if (!tagArg || !ts.isStringLiteralLike(tagArg) || !tagArg.text.includes('-')) return;
      const className = callee.expression.text;
      const imported = context.imports?.find((entry) => entry.name === className);
      let declaration;
      if (!imported) declaration = { name: className, module: moduleDoc.path };
      else if (imported.isBareModuleSpecifier) declaration = { name: className, package: imported.importPath };
      else declaration = { name: className, module: new URL(imported.importPath, `file:///${moduleDoc.path}`).pathname.slice(1) };
      moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tagArg.text, declaration }];
    },
  };
}

/** Private members (`#x`, `private`) are not API; leave them out of the manifest. */
function dropPrivateMembersPlugin() {
  return {
    name: 'ringside-drop-private-members',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter((member) => member.privacy !== 'private' && !member.name?.startsWith('#'));
        }
      }
    },
  };
}

/**
 * `src/x/y.ts` (and the analyzer's `/src/x/y.js` for imports) become `dist/x/y.js`, and the
 * relative specifiers of re-exports (`./base/x.js` in index.ts) become package paths too.
 */
function distPathsPlugin() {
  const toDist = (path) => path.replace(/^\/?src\//, 'dist/').replace(/\.ts$/, '.js');
  const visit = (value, modulePath) => {
    if (Array.isArray(value)) value.forEach((inner) => visit(inner, modulePath));
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'path' || key === 'module') && typeof inner === 'string') {
          const absolute = inner.startsWith('.') ? new URL(inner, `file:///${modulePath}`).pathname : inner;
          value[key] = toDist(absolute);
        } else visit(inner, modulePath);
      }
    }
  };
  return {
    name: 'ringside-dist-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) visit(module, module.path);
    },
  };
}

/**
 * Events come from the `@event` JSDoc of each class. The analyzer also reports the base class's
 * generic `dispatchEvent(new CustomEvent(name, …))` as an event called "name"; drop those.
 */
function documentedEventsOnlyPlugin() {
  return {
    name: 'ringside-documented-events-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.events) continue;
          declaration.events = declaration.events.filter((event) => event.description);
          if (declaration.events.length === 0) delete declaration.events;
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [staticDefineCallsPlugin(), dropPrivateMembersPlugin(), documentedEventsOnlyPlugin(), distPathsPlugin()],
};
