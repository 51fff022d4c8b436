import { expect } from 'chai';
import { OTHER, selfTimes, timeByStage, type CpuProfile, type Stage } from '../../../bench/support/cpu-profile-stages';

const DIST = 'file:///srv/wap-billing/dist';

/**
 * (root) → collect → ingest → insert → (native) run, and ingest → keepPending; (garbage
 * collector) beside them; apply resumed after an await, with nothing of its callers below it.
 */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '' }, children: [2, 7, 8] },
    { id: 2, callFrame: { functionName: 'collect', url: `${DIST}/resource-provider/collector/collect-feeds.js` }, children: [3] },
    { id: 3, callFrame: { functionName: 'ingest', url: `${DIST}/core/persistence/stores/sequelize-usage-store.js` }, children: [4, 6] },
    { id: 4, callFrame: { functionName: 'insert', url: `${DIST}/core/persistence/stores/bulk-rows/sqlite-bulk-rows.js`, lineNumber: 22 }, children: [5] },
    { id: 5, callFrame: { functionName: 'run', url: '' } },
    { id: 6, callFrame: { functionName: 'keepPending', url: `${DIST}/core/persistence/stores/sequelize-usage-store.js`, lineNumber: 132 } },
    { id: 7, callFrame: { functionName: '(garbage collector)', url: '' } },
    { id: 8, callFrame: { functionName: 'apply', url: `${DIST}/core/persistence/stores/sequelize-usage-rollups.js`, lineNumber: 90 } },
  ],
  // 1 ms between samples, but 5 ms before the third: the time of a gap goes to the sample that ends it.
  samples: [5, 5, 4, 6, 3, 7, 8, 2],
  timeDeltas: [1000, 1000, 5000, 1000, 1000, 1000, 1000, 1000],
};

const STAGES: Stage[] = [
  { name: 'records', frames: [{ functionName: 'insert', file: 'core/persistence/stores/bulk-rows/sqlite-bulk-rows.js' }] },
  { name: 'kept', frames: [{ functionName: 'keepPending', file: 'core/persistence/stores/sequelize-usage-store.js' }] },
  { name: 'roll-ups', frames: [{ file: 'core/persistence/stores/sequelize-usage-rollups.js' }] },
  { name: 'gc', frames: [{ functionName: '(garbage collector)' }] },
];

describe('a CPU profile by stage (bench/profile-pipeline)', () => {
  it("counts each sample for the first stage that names a frame on its stack, and the rest as 'other'", () => {
    const shares = timeByStage(profile, STAGES);
    expect(shares.map((s) => [s.name, s.milliseconds])).to.deep.equal([
      ['records', 7], ['kept', 1], ['roll-ups', 1], ['gc', 1], [OTHER, 2],
    ]);
    expect(shares.reduce((sum, s) => sum + s.share, 0)).to.be.closeTo(1, 1e-9);
    expect(shares[0].share).to.equal(7 / 12);
  });

  it('goes by the order of the stages, not by how deep their frames are', () => {
    const outerFirst = timeByStage(profile, [{ name: 'page', frames: [{ functionName: 'ingest', file: 'core/persistence/stores/sequelize-usage-store.js' }] }, ...STAGES]);
    expect(outerFirst.map((s) => [s.name, s.milliseconds])).to.deep.equal([
      ['page', 9], ['records', 0], ['kept', 0], ['roll-ups', 1], ['gc', 1], [OTHER, 1],
    ]);
    const innerFirst = timeByStage(profile, [...STAGES, { name: 'page', frames: [{ functionName: 'ingest', file: 'core/persistence/stores/sequelize-usage-store.js' }] }]);
    expect(innerFirst.map((s) => [s.name, s.milliseconds])).to.deep.equal([
      ['records', 7], ['kept', 1], ['roll-ups', 1], ['gc', 1], ['page', 1], [OTHER, 1],
    ]);
  });

  it('takes a script alone as every function in it, and a name without a script as V8\'s own', () => {
    const byFile = timeByStage(profile, [{ name: 'store', frames: [{ file: 'core/persistence/stores/sequelize-usage-store.js' }] }]);
    // ingest holds insert and keepPending: all of them is the store's time
    expect(byFile.map((s) => [s.name, s.milliseconds])).to.deep.equal([['store', 9], [OTHER, 3]]);
    // a function of that name in a script is not V8's entry of that name
    const scriptless = timeByStage(profile, [{ name: 'native run', frames: [{ functionName: 'run' }] }, { name: 'insert anywhere', frames: [{ functionName: 'insert' }] }]);
    expect(scriptless.map((s) => [s.name, s.milliseconds])).to.deep.equal([['native run', 2], ['insert anywhere', 0], [OTHER, 10]]);
  });

  it('lists the functions by their own time, naming the script from dist/ on', () => {
    expect(selfTimes(profile, 3).map((s) => [s.name, s.milliseconds])).to.deep.equal([
      ['insert core/persistence/stores/bulk-rows/sqlite-bulk-rows.js:23', 5], ['run', 2], ['keepPending core/persistence/stores/sequelize-usage-store.js:133', 1],
    ]);
  });
});
