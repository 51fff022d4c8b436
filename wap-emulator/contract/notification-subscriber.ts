/**
 * A billing system registered for approvals, as `Set-MgmtSvcNotificationSubscriber` stores it
 * (contract section 6). WAP has no REST route for this; the emulator adds one of its own.
 */
export interface NotificationSubscriber {
  Name: string;
  Enabled: boolean;
  /** Billing and Mandatory subscribers are called blocking and may veto; Optional ones only hear. */
  SubscriberType: 'BillingService' | 'MandatoryService' | 'OptionalService';
  Endpoint: string;
  AuthenticationMode: 'None' | 'Basic';
  AuthenticationUsername?: string | null;
  AuthenticationPassword?: string | null;
}

export function isBlocking(subscriber: NotificationSubscriber): boolean {
  return subscriber.SubscriberType !== 'OptionalService';
}
