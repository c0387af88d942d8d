// Loaded with `node --import` before Electronegativity. Two fixes so it runs here, offline, on Node 24:
// 1. its parser (@typescript-eslint/typescript-estree 4) needs the TypeScript 4 JS API, but npm hoists
//    it next to the project's TypeScript 7 (native, no JS API); point it at Electronegativity's own copy;
// 2. it fetches translations and Electron's release list with `got`; CI has no route to those hosts,
//    and got's retry timer then crashes the process. Answer those requests with an immediate failure.
import { registerHooks } from 'node:module';

const pkg = new URL('../../node_modules/@doyensec/electronegativity/', import.meta.url);
const nestedTypescript = new URL('node_modules/typescript/lib/typescript.js', pkg).href;
const offlineGot = new URL('./offline-got.cjs', import.meta.url).href;

registerHooks({
  resolve(specifier, context, next) {
    const parent = context.parentURL ?? '';
    if (specifier === 'typescript' && parent.includes('/@typescript-eslint/')) {
      return { url: nestedTypescript, format: 'commonjs', shortCircuit: true };
    }
    if (specifier === 'got' && parent.startsWith(pkg.href)) return { url: offlineGot, format: 'commonjs', shortCircuit: true };
    return next(specifier, context);
  },
});
