import { loadSettings } from '../config/load-settings';
import { ConfigurationError, type ResourceProviderSettings } from '../config/settings';

/** The settings for a command that needs no database; a wrong setting is one line on stderr and exit code 1. */
export function cliSettings(): ResourceProviderSettings | undefined {
  try {
    return { ...loadSettings(), logLevel: 'silent' };
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`Configuration error: ${error.message}`);
    process.exitCode = 1;
    return undefined;
  }
}
