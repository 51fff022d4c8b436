import { Database } from '../../../core/persistence/database';
import { statementsReadOneSnapshot } from '../../../core/persistence/statement-snapshots';
import { fail, messageOf, ok, type DoctorCheck } from './doctor-check';

/** Each statement reads one snapshot, as usage answers need (SQL Server: READ_COMMITTED_SNAPSHOT on). */
export const snapshotReadsCheck: DoctorCheck = {
  async run({ container }) {
    const subject = 'database reads';
    const database = container.get(Database);
    try {
      if (await statementsReadOneSnapshot(database)) return [ok(subject, `each statement reads one snapshot (${database.dialect})`)];
      return [fail(subject,
        'SQL Server runs with READ_COMMITTED_SNAPSHOT off, so a usage answer read while the collector rolls usage up may miss records; ' +
        'with the RP stopped, run ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE')];
    } catch (error) {
      return [fail(subject, `cannot tell whether each statement reads one snapshot: ${messageOf(error)}`)];
    }
  },
};
