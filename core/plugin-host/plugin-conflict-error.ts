/** Two plugins claim the same id (or the same meter id); the later one is refused. */
export class PluginConflictError extends Error {}
