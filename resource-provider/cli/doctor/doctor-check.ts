import type { Container } from 'inversify';
import type { PluginRegistry } from '../../../core/plugin-host/plugin-registry';
import type { ResourceProviderSettings } from '../../config/settings';

/** One line of the doctor's report: what was checked, and in plain words what is right or wrong with it. */
export interface CheckLine {
  readonly ok: boolean;
  /** What was checked, e.g. `WAP Usage Service` or `payment connector whmcs`. */
  readonly subject: string;
  readonly detail: string;
}

/** What every check may use. `plugins()` scans once, however many checks ask. */
export interface DoctorContext {
  readonly settings: ResourceProviderSettings;
  readonly container: Container;
  plugins(): Promise<PluginRegistry>;
}

/**
 * One check of `wap-billing doctor`. It must not throw for what it checks (a refused connection is a
 * FAIL line, not an exception) and must not change anything; it may answer several lines (one per connector).
 */
export interface DoctorCheck {
  run(context: DoctorContext): Promise<readonly CheckLine[]>;
}

export const ok = (subject: string, detail: string): CheckLine => ({ ok: true, subject, detail });
export const fail = (subject: string, detail: string): CheckLine => ({ ok: false, subject, detail });

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
