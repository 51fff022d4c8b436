/**
 * What `require('@wap-billing/plugin-api')` gives a plugin (see `installPluginApiResolver`): the
 * exports of index.ts as plain properties of one frozen object. TypeScript's CommonJS re-exports
 * (`export *`) are getters, all made from one function, so a plugin reading `MeteringStatus` for
 * every record called a getter whose lookup had seen every name of the API: 1% of the collector's
 * time (`npm run bench`). The values are the same objects the core holds.
 */
import * as api from './index';

// Marked an ES module's exports, as index.js is: a plugin's `import * as api` then takes the object as it is.
export = Object.freeze(Object.defineProperty({ ...api }, '__esModule', { value: true }));
