import { CheckHealth } from '../../../core/health/check-health';
import { Database } from '../../../core/persistence/database';
import { umzugFor } from '../../../core/persistence/migrator';
import { fail, messageOf, ok, type DoctorCheck } from './doctor-check';

/** The database answers, and every migration this version ships has been applied (the doctor never migrates). */
export const databaseCheck: DoctorCheck = {
  async run({ container }) {
    const subject = 'database';
    const { database } = await container.get(CheckHealth).check();
    if (!database.reachable) return [fail(subject, `${database.dialect} does not answer: ${database.error ?? 'no reason given'}; check DATABASE_URL`)];
    try {
      const umzug = umzugFor(container.get(Database));
      // One after the other: each may create the migrations table, and two at once race on PostgreSQL.
      const pending = await umzug.pending();
      const executed = await umzug.executed();
      if (pending.length > 0) {
        return [fail(subject, `${database.dialect} answers, but ${pending.length} migration(s) are not applied (${pending.map((m) => m.name).join(', ')}); run wap-billing migrate`)];
      }
      return [ok(subject, `${database.dialect} answers; migrations up to date (${executed.length} applied)`)];
    } catch (error) {
      return [fail(subject, `${database.dialect} answers, but its migrations cannot be read: ${messageOf(error)}`)];
    }
  },
};
