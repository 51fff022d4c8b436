/** A V8 CPU profile as the inspector's `Profiler.stop` answers it (what a `.cpuprofile` file holds). */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  /** The node on top of the stack at each sample. */
  readonly samples: readonly number[];
  /**
   * Microseconds since the sample before (since the profile's start, for the first): each
   * sample's weight. A long gap between samples ends when the thread comes back from a long
   * native call (a statement, a collection), and the sample that ends it saw where the time went.
   */
  readonly timeDeltas: readonly number[];
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber?: number };
  readonly children?: readonly number[];
}

/**
 * A function by its name, its script (the end of its path: `core/usage/store/rollup-changes.js`),
 * or both; every function of the script when the name is left out. V8's own entries
 * (`(garbage collector)`, `(idle)`) have a name and no script.
 */
export type FrameName = { readonly functionName: string; readonly file?: string } | { readonly functionName?: undefined; readonly file: string };

/**
 * A part of a program's work: the time spent in any of `frames` and in what they call. An async
 * function's code after an `await` runs with nothing of its callers below it on the stack: a
 * stage names the async functions inside it too.
 */
export interface Stage {
  readonly name: string;
  readonly frames: readonly FrameName[];
}

export interface TimeShare {
  readonly name: string;
  readonly milliseconds: number;
  /** Of the whole profile's time, 0–1. */
  readonly share: number;
}

/** What a stack was doing when no stage's frame was on it. */
export const OTHER = 'other';

/**
 * The profile's time by stage: each sample counts for the first stage, in the order given, that
 * names a frame anywhere on its stack, or for `OTHER`; so a stage that calls into another's
 * frames (the roll-ups' statements run through Sequelize) goes before it. Stages in the order
 * given, `OTHER` last.
 */
export function timeByStage(profile: CpuProfile, stages: readonly Stage[]): TimeShare[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = parentsOf(profile);
  // The first stage named on the path from the root to each node, by the stage's index.
  const firstOnPath = new Map<number, number>();
  const stageOf = (id: number): number => {
    let first = firstOnPath.get(id);
    if (first === undefined) {
      const node = nodes.get(id)!;
      const own = stages.findIndex((s) => s.frames.some((frame) => names(frame, node)));
      const parent = parents.get(id);
      const above = parent === undefined ? stages.length : stageOf(parent);
      first = own < 0 ? above : Math.min(own, above);
      firstOnPath.set(id, first);
    }
    return first;
  };
  const time = profile.timeDeltas;
  const byStage = new Map<string, number>([...stages.map((s): [string, number] => [s.name, 0]), [OTHER, 0]]);
  profile.samples.forEach((id, i) => {
    const name = stages[stageOf(id)]?.name ?? OTHER;
    byStage.set(name, byStage.get(name)! + time[i]);
  });
  return shares(byStage, time);
}

/** The functions the most time was spent in themselves (not in what they called), `count` of them, the longest first. */
export function selfTimes(profile: CpuProfile, count: number): TimeShare[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const time = profile.timeDeltas;
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const name = frameText(nodes.get(id)!);
    byFunction.set(name, (byFunction.get(name) ?? 0) + time[i]);
  });
  return shares(byFunction, time).sort((a, b) => b.milliseconds - a.milliseconds).slice(0, count);
}

function names(frame: FrameName, node: ProfileNode): boolean {
  const { functionName, url } = node.callFrame;
  return (frame.functionName === undefined || functionName === frame.functionName) && (frame.file === undefined ? url === '' : url.endsWith(`/${frame.file}`));
}

function parentsOf(profile: CpuProfile): Map<number, number> {
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  return parents;
}

function shares(microseconds: ReadonlyMap<string, number>, time: readonly number[]): TimeShare[] {
  const total = time.reduce((sum, t) => sum + t, 0);
  return [...microseconds].map(([name, us]) => ({ name, milliseconds: us / 1000, share: total === 0 ? 0 : us / total }));
}

/** `functionName file:line`, the file from the package's folder on (`sequelize/lib/…`), or from `dist/` on for the project's own. */
function frameText(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  if (url === '') return functionName || '(native)';
  const file = url.includes('/node_modules/') ? url.slice(url.lastIndexOf('/node_modules/') + 14)
    : url.includes('/dist/') ? url.slice(url.indexOf('/dist/') + 6)
    : url;
  return `${functionName || '(anonymous)'} ${file}:${(lineNumber ?? 0) + 1}`;
}
