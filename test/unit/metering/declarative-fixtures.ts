/** A sound document for WAP's Service Bus, which has no built-in meter plugin. */
export function serviceBusDocument(): Record<string, unknown> & { meters: Record<string, unknown>[] } {
  return {
    id: 'meter.servicebus',
    displayName: 'Service Bus',
    version: '1.0.0',
    meters: [
      { id: 'servicebus.messages', displayName: 'Messages', unit: 'message', aggregation: 'sum', provider: 'servicebus', resourceKey: 'MessageCount' },
      {
        id: 'servicebus.storage', displayName: 'Queue storage', unit: 'GB-hour', aggregation: 'time-weighted',
        provider: 'servicebus', resourceKey: 'StorageMB', divisor: '1024', serviceType: 'Queues',
      },
    ],
  };
}
