import { Type, type Static } from '@sinclair/typebox';
import { NullableString } from './schema-kit';

/** One line of the portal's usage summary. Values are decimals; WAP's type is a .NET double here, so we send numbers. */
export const ServiceUsage = Type.Object(
  {
    DisplayName: Type.String(),
    CurrentValue: Type.Number(),
    Limit: Type.Number({ description: '-1 when unlimited, WAP\'s convention' }),
    UnitDisplayName: Type.String(),
    GroupId: NullableString(),
    GroupDisplayName: NullableString(),
  },
  { title: 'ServiceUsage' },
);

export const ServiceUsageSummary = Type.Object(
  {
    ServiceName: Type.String(),
    ServiceDisplayName: Type.String(),
    RetrievedSuccessfully: Type.Boolean(),
    ErrorMessage: NullableString(),
    Usages: Type.Array(ServiceUsage),
  },
  { title: 'ServiceUsageSummary' },
);
export type ServiceUsageSummary = Static<typeof ServiceUsageSummary>;
