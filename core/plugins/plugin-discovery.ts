import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Where the registry looks for plugins. */
export const PluginDirectories = Symbol('PluginDirectories');
export interface PluginDirectories {
  /** Folders holding plugin folders, searched two levels deep (`plugins/meters/mysql/plugin.json`). */
  readonly folders: readonly string[];
  /** `node_modules` folders whose packages may name a plugin manifest in their package.json. */
  readonly packageFolders: readonly string[];
}

export type PluginOrigin = 'folder' | 'package';

/** A plugin manifest found on disk, not yet read or validated. */
export interface PluginCandidate {
  readonly origin: PluginOrigin;
  /** Absolute path of the plugin.json file. */
  readonly manifestPath: string;
}

/** The package.json field with which an npm package declares that it is a plugin. */
export const PACKAGE_PLUGIN_FIELD = 'wap-billing-plugin';

export async function discoverPlugins(directories: PluginDirectories): Promise<PluginCandidate[]> {
  const found: PluginCandidate[] = [];
  for (const folder of directories.folders) {
    for (const manifestPath of await manifestsUnder(path.resolve(folder), 2)) found.push({ origin: 'folder', manifestPath });
  }
  for (const modules of directories.packageFolders) {
    for (const manifestPath of await packageManifests(path.resolve(modules))) found.push({ origin: 'package', manifestPath });
  }
  return found;
}

async function manifestsUnder(folder: string, depth: number): Promise<string[]> {
  const entries = await readDirectory(folder);
  if (entries.some((e) => e.isFile() && e.name === 'plugin.json')) return [path.join(folder, 'plugin.json')];
  if (depth === 0) return [];
  const nested = await Promise.all(
    entries.filter((e) => e.isDirectory() && e.name !== 'node_modules').map((e) => manifestsUnder(path.join(folder, e.name), depth - 1)),
  );
  return nested.flat().sort();
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
  const manifests: string[] = [];
  for (const dir of packageDirs) {
    const field = await pluginFieldOf(dir);
    if (field) manifests.push(path.resolve(dir, field));
  }
  return manifests;
}

async function pluginFieldOf(packageDir: string): Promise<string | undefined> {
  try {
    const pkg = JSON.parse(await fs.readFile(path.join(packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
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
