import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Where the registry looks for plugins. */
export const PluginDirectories = Symbol('PluginDirectories');
export interface PluginDirectories {
  /** Folders holding plugin folders, searched two levels deep (`plugins/meters/mysql/plugin.json`). */
  readonly folders: readonly string[];
  /** Where meters that admins define through the API are written (one of `folders`). */
  readonly writableFolder?: string;
  /** `node_modules` folders whose packages may name a plugin manifest in their package.json. */
  readonly packageFolders: readonly string[];
}

export type PluginOrigin = 'folder' | 'package';

/** A plugin found on disk, not yet read or validated. */
export interface PluginCandidate {
  readonly origin: PluginOrigin;
  /** `module`: a plugin.json naming code to load; `declarative`: a `*.meter.json` document, no code. */
  readonly format: 'module' | 'declarative';
  /** Absolute path of the plugin.json or `*.meter.json` file. */
  readonly manifestPath: string;
}

const DECLARATIVE_METER = /\.meter\.json$/;

/** The package.json field with which an npm package declares that it is a plugin. */
export const PACKAGE_PLUGIN_FIELD = 'wap-billing-plugin';

export async function discoverPlugins(directories: PluginDirectories): Promise<PluginCandidate[]> {
  const found: PluginCandidate[] = [];
  for (const folder of directories.folders) {
    for (const manifestPath of await manifestsUnder(path.resolve(folder), 2)) {
      found.push({ origin: 'folder', format: DECLARATIVE_METER.test(manifestPath) ? 'declarative' : 'module', manifestPath });
    }
  }
  for (const modules of directories.packageFolders) {
    for (const manifestPath of await packageManifests(path.resolve(modules))) found.push({ origin: 'package', format: 'module', manifestPath });
  }
  return found;
}

async function manifestsUnder(folder: string, depth: number): Promise<string[]> {
  const entries = await readDirectory(folder);
  if (entries.some((e) => e.isFile() && e.name === 'plugin.json')) return [path.join(folder, 'plugin.json')];
  const declarative = entries.filter((e) => e.isFile() && DECLARATIVE_METER.test(e.name)).map((e) => path.join(folder, e.name));
  if (depth === 0) return declarative.sort();
  const nested = await Promise.all(
    entries.filter((e) => e.isDirectory() && e.name !== 'node_modules').map((e) => manifestsUnder(path.join(folder, e.name), depth - 1)),
  );
  return [...declarative, ...nested.flat()].sort();
}

async function packageManifests(modules: string): Promise<string[]> {
  const packageDirs: string[] = [];
  for (const entry of await readDirectory(modules)) {
    if (!entry.isDirectory() && !entry.isSymbolicLink()) continue;
    if (entry.name.startsWith('@')) {
      for (const scoped of await readDirectory(path.join(modules, entry.name))) packageDirs.push(path.join(modules, entry.name, scoped.name));
    } else if (!entry.name.startsWith('.')) {
      packageDirs.push(path.join(modules, entry.name));
    }
  }
  // The collector rescans before every run, and the server's own node_modules holds hundreds of
  // packages: their package.json files are read a few dozen at a time (80 ms a scan one by one).
  const manifests: string[] = [];
  for (let i = 0; i < packageDirs.length; i += PACKAGES_AT_ONCE) {
    const dirs = packageDirs.slice(i, i + PACKAGES_AT_ONCE);
    const fields = await Promise.all(dirs.map(pluginFieldOf));
    for (let j = 0; j < dirs.length; j++) if (fields[j]) manifests.push(path.resolve(dirs[j], fields[j]!));
  }
  return manifests;
}

/** package.json files read at once: well below any limit of open files. */
const PACKAGES_AT_ONCE = 32;

async function pluginFieldOf(packageDir: string): Promise<string | undefined> {
  try {
    const text = await fs.readFile(path.join(packageDir, 'package.json'), 'utf8');
    // Most packages are not plugins: theirs need not be parsed.
    if (!text.includes(PACKAGE_PLUGIN_FIELD)) return undefined;
    const pkg = JSON.parse(text) as Record<string, unknown>;
    const field = pkg[PACKAGE_PLUGIN_FIELD];
    return typeof field === 'string' ? field : undefined;
  } catch {
    return undefined;
  }
}

async function readDirectory(folder: string) {
  try {
    return await fs.readdir(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}
