import * as fs from 'node:fs';
import * as path from 'node:path';

/** ARCHITECTURE.md's import rules: a folder, and where its relative imports may lead. */
interface Rule {
  readonly folder: string;
  /** Returns why the import breaks the rule, or undefined when it is allowed. */
  check(fromFile: string, specifier: string, resolved: string | undefined): string | undefined;
}

const PLUGIN_API = 'core/plugin-api';

const inside = (resolved: string | undefined, folder: string) => resolved !== undefined && (resolved === folder || resolved.startsWith(folder + '/'));

export const rules: readonly Rule[] = [
  {
    folder: 'core/plugin-api',
    check: (_from, spec, resolved) =>
      resolved !== undefined && !inside(resolved, PLUGIN_API) ? `the plugin API imports ${spec}, outside the plugin API` : undefined,
  },
  {
    folder: 'core',
    check: (_from, spec, resolved) => {
      if (resolved !== undefined && !inside(resolved, 'core')) return `core imports ${spec}, outside core/`;
      if (spec === 'express' || spec.startsWith('express/')) return 'core imports express: core knows nothing of HTTP';
      return undefined;
    },
  },
  {
    folder: 'plugins',
    check: (from, spec, resolved) => {
      if (resolved === undefined) return spec.startsWith('@wap-billing/') && spec !== '@wap-billing/plugin-api' ? `plugin imports ${spec}` : undefined;
      const pluginFolder = from.split('/').slice(0, 3).join('/');
      return inside(resolved, pluginFolder) ? undefined : `plugin imports ${spec}: only '@wap-billing/plugin-api' and its own folder are allowed`;
    },
  },
  {
    folder: 'wap-emulator',
    check: (_from, spec, resolved) => (resolved !== undefined && !inside(resolved, 'wap-emulator') ? `the emulator imports ${spec} of the project` : undefined),
  },
  {
    folder: 'resource-provider',
    check: (_from, spec, resolved) =>
      resolved !== undefined && !inside(resolved, 'resource-provider') && !inside(resolved, 'core') ? `resource-provider imports ${spec}` : undefined,
  },
];

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

/** Every broken rule under `root`, as `file: reason`. Spec files are checked like any other. */
export function violations(root: string): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(root)) {
    const relative = path.relative(root, file).split(path.sep).join('/');
    const rule = rules.find((r) => relative.startsWith(r.folder + '/'));
    if (!rule) continue;
    for (const specifier of importsOf(fs.readFileSync(file, 'utf8'))) {
      const resolved = specifier.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(relative), specifier)) : undefined;
      const reason = rule.check(relative, specifier, resolved);
      if (reason) found.push(`${relative}: ${reason}`);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist', 'data', '.git'].includes(entry.name) ? [] : sourceFiles(full);
    return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}
