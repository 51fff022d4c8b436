/**
 * `npm test`: runs the backend-independent specs once, then the database specs once per backend
 * (SQLite, PostgreSQL, MariaDB), and prints the counts per backend. Every backend is required: one
 * that does not answer fails the run rather than being skipped.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Phase {
  readonly name: string;
  readonly backend: 'sqlite' | 'postgres' | 'mariadb';
  readonly specs: readonly string[];
}

const dist = path.join(__dirname, '..');
const specsIn = (folders: string[]) => folders.filter((d) => fs.existsSync(path.join(dist, 'test', d))).map((d) => `${dist}/test/${d}/**/*.spec.js`);
const onceSpecs = specsIn(['unit', 'architecture', 'plugins', 'clients', 'wap-emulator', 'browser']);
const backendSpecs = specsIn(['integration', 'scenarios']);

const phases: Phase[] = [
  { name: 'backend-independent', backend: 'sqlite', specs: onceSpecs },
  { name: 'sqlite', backend: 'sqlite', specs: backendSpecs },
  { name: 'postgres', backend: 'postgres', specs: backendSpecs },
  { name: 'mariadb', backend: 'mariadb', specs: backendSpecs },
];

const mocha = require.resolve('mocha/bin/mocha.js');
const config = path.join(dist, '..', '.mocharc.json');
const results: { name: string; passed: number; failed: number; pending: number; exitCode: number }[] = [];

for (const phase of phases) {
  console.log(`\n=== ${phase.name} (TEST_DB=${phase.backend}) ===`);
  const run = spawnSync(process.execPath, [mocha, '--config', config, ...phase.specs], {
    env: { ...process.env, TEST_DB: phase.backend },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(run.stdout ?? '');
  const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(run.stdout ?? '')?.[1] ?? 0);
  results.push({ name: phase.name, passed: count('passing'), failed: count('failing'), pending: count('pending'), exitCode: run.status ?? 1 });
}

console.log('\nTest counts per backend:');
for (const r of results) console.log(`  ${r.name.padEnd(20)} ${r.passed} passed, ${r.failed} failed, ${r.pending} pending${r.exitCode !== 0 && r.failed === 0 ? ` (mocha exited ${r.exitCode})` : ''}`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed + (r.exitCode !== 0 && r.failed === 0 ? 1 : 0), 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
