import type { InvoicingSettings } from '../../core/invoicing/invoicing-settings';

/** Everything the resource provider needs to know at start, validated (see `loadSettings`). */
export const ResourceProviderSettings = Symbol('ResourceProviderSettings');
export interface ResourceProviderSettings {
  readonly port: number;
  readonly databaseUrl: string;
  /** Folders searched for plugins besides the built-in ones. */
  readonly pluginsDirs: readonly string[];
  /** The Basic credentials WAP uses when it calls us. */
  readonly rpUsername: string;
  readonly rpPassword: string;
  readonly wapAdmin?: { readonly url: string; readonly token: string };
  readonly wapUsage?: { readonly url: string; readonly username: string; readonly password: string };
  /** Trust for WAP's HTTPS endpoints (WAP installs self-signed certificates by default). */
  readonly wapTls: { readonly ca?: string; readonly rejectUnauthorized: boolean };
  /** `intervalSeconds` 0 turns scheduled collection off (`wap-billing collect` still runs it once). */
  readonly collector: { readonly intervalSeconds: number; readonly batchSize: number; readonly retryDelayMs: number };
  /** ISO 4217 code a new account is billed in. */
  readonly defaultCurrency?: string;
  /** A folder whose `invoice.ejs` replaces the built-in invoice template. */
  readonly invoiceTemplateDir?: string;
  /** The Chromium that prints invoices to PDF; `/usr/bin/chromium` when absent. */
  readonly chromiumPath?: string;
  /** Minutes between scheduled runs of due invoices; 0 or absent turns the schedule off. */
  readonly invoiceRunIntervalMinutes?: number;
  /** Invoicing choices; absent ones take `DEFAULT_INVOICING_SETTINGS`. */
  readonly invoicing?: Partial<Omit<InvoicingSettings, 'instanceId'>>;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** A setting is missing or wrong. The message names the setting and is shown as one line. */
export class ConfigurationError extends Error {}
