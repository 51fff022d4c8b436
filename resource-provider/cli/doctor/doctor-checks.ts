import { adminApiCheck } from './admin-api-check';
import { databaseCheck } from './database-check';
import type { DoctorCheck } from './doctor-check';
import { paymentConnectorsCheck } from './payment-connectors-check';
import { pluginsCheck } from './plugins-check';
import { snapshotReadsCheck } from './snapshot-reads-check';
import { usageServiceCheck } from './usage-service-check';

/** What `wap-billing doctor` checks, in the order it prints. A new check is one file and one line here. */
export const DOCTOR_CHECKS: readonly DoctorCheck[] = [databaseCheck, snapshotReadsCheck, adminApiCheck, usageServiceCheck, pluginsCheck, paymentConnectorsCheck];
