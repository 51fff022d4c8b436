// Loaded with `node -r` / mocha's `require` so that built-in plugins can be imported directly in tests.
import { installPluginApiResolver } from './plugin-api-resolver';

installPluginApiResolver();
