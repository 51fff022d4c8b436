import 'reflect-metadata';
import { loadSettings } from './config/load-settings';
import { ConfigurationError } from './config/settings';
import { startServer } from './resource-provider-server';

async function main(): Promise<void> {
  let settings;
  try {
    settings = loadSettings();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }
  const server = await startServer(settings);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
