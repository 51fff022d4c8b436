import { fail, messageOf, ok, type DoctorCheck } from './doctor-check';

/** A plugin that failed to load is a FAIL line of its own, with the reason the registry recorded. */
export const pluginsCheck: DoctorCheck = {
  async run(context) {
    let plugins;
    try {
      plugins = (await context.plugins()).list();
    } catch (error) {
      return [fail('plugins', `could not be scanned: ${messageOf(error)}`)];
    }
    const failed = plugins.filter((p) => p.state === 'failed');
    const count = (state: string) => plugins.filter((p) => p.state === state).length;
    const summary = ok('plugins', `${count('enabled')} enabled, ${count('disabled')} disabled, ${failed.length} failed to load`);
    return [...(failed.length > 0 ? [] : [summary]), ...failed.map((p) => fail(`plugin ${p.id}`, `failed to load from ${p.location}: ${p.error ?? 'no reason recorded'}`))];
  },
};
