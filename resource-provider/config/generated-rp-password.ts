import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * With no RP_PASSWORD set, a first start still comes up: a random password is made once and kept,
 * readable by the owner only, in `<dataDir>/rp-password`, where `wap-billing register` finds it.
 * It is never logged.
 */
export function generatedRpPassword(dataDir: string): string {
  const file = path.join(dataDir, 'rp-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}
