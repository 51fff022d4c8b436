import { Type } from '@sinclair/typebox';

/* The bodies of the health, plugin and collector routes: the RP's own operations, not WAP's contract. */

const NullableInstant = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const HealthReport = Type.Object(
  {
    healthy: Type.Boolean(),
    database: Type.Object({ reachable: Type.Boolean(), dialect: Type.String(), error: Type.Optional(Type.String()) }),
    plugins: Type.Object({ enabled: Type.Integer(), disabled: Type.Integer(), failed: Type.Integer() }),
  },
  { title: 'HealthReport' },
);

export const InstalledPlugin = Type.Object(
  {
    id: Type.String(),
    kind: Type.Union([Type.Literal('meter'), Type.Literal('payment'), Type.Literal('unknown')]),
    version: Type.String(),
    displayName: Type.String(),
    description: Type.Optional(Type.String()),
    origin: Type.Union([Type.Literal('folder'), Type.Literal('package')]),
    location: Type.String({ description: 'the plugin.json path on the server' }),
    state: Type.Union([Type.Literal('enabled'), Type.Literal('disabled'), Type.Literal('failed')]),
    error: Type.Union([Type.String(), Type.Null()], { description: 'why the plugin failed to load' }),
  },
  { title: 'InstalledPlugin' },
);

export const PluginList = Type.Object({ items: Type.Array(InstalledPlugin) }, { title: 'PluginList' });

export const RescanSummary = Type.Object(
  { enabled: Type.Integer(), disabled: Type.Integer(), failed: Type.Integer(), items: Type.Array(InstalledPlugin) },
  { title: 'RescanSummary' },
);

export const FeedStatus = Type.Object(
  {
    feed: Type.String(),
    nextStartId: Type.String(),
    lastSuccessAt: NullableInstant,
    lastError: Type.Union([Type.String(), Type.Null()]),
    lastErrorAt: NullableInstant,
    lagSeconds: Type.Union([Type.Integer(), Type.Null()], { description: 'seconds since the last success' }),
  },
  { title: 'FeedStatus' },
);

export const CollectionReport = Type.Object(
  {
    status: Type.Union([Type.Literal('collected'), Type.Literal('lease-held')], { description: 'lease-held: another instance is collecting; nothing was done' }),
    feeds: Type.Optional(
      Type.Array(
        Type.Object({
          feed: Type.String(),
          pages: Type.Integer(),
          new: Type.Integer(),
          duplicate: Type.Integer(),
          watermark: Type.String(),
          error: Type.Optional(Type.String()),
        }),
      ),
    ),
  },
  { title: 'CollectionReport' },
);
