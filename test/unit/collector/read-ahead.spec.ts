import { expect } from 'chai';
import type { FeedPage } from '../../../core/usage/collection/feed-sink';
import { ReadAhead } from '../../../resource-provider/collector/read-ahead';

/** A feed of `pages` pages of one record each; `failAt` fails the request for that page. */
function feed(pages: number, failAt?: number) {
  const asked: string[] = [];
  const read = async (startId: string): Promise<FeedPage | undefined> => {
    asked.push(startId);
    await new Promise((resolve) => setImmediate(resolve));
    const id = Number(startId);
    if (id === failAt) throw new Error(`page ${id} failed`);
    return id > pages ? undefined : { records: [{ EventId: id }], nextStartId: String(id + 1) };
  };
  return { read, asked };
}
const asIs = (page: FeedPage) => Promise.resolve(page);
const ids = (pages: FeedPage[]) => pages.map((p) => (p.records[0] as { EventId: number }).EventId);
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('reading a feed ahead of storing it', () => {
  it('asks for each page from where the one before ends, and keeps at most its limit asked for', async () => {
    const { read, asked } = feed(10);
    const ahead = new ReadAhead(read, asIs, '1', 2);
    await settle();
    expect(asked).to.deep.equal(['1', '2']);
    expect(ids(await ahead.take(5))).to.deep.equal([1, 2]);
    await settle();
    expect(asked).to.deep.equal(['1', '2', '3', '4']);
    expect(ids(await ahead.take(1))).to.deep.equal([3]);
  });

  it('asks for the next page while the one before is prepared, and hands pages over prepared, in order', async () => {
    const { read, asked } = feed(10);
    let finishFirst: (() => void) | undefined;
    const prepare = async (page: FeedPage) => {
      if (ids([page])[0] === 1) await new Promise<void>((resolve) => (finishFirst = resolve));
      return { ...page, records: [{ EventId: ids([page])[0], prepared: true }] };
    };
    const ahead = new ReadAhead(read, prepare, '1', 3);
    await settle();
    // Page 1 is still being prepared, and pages 2 and 3 were asked for meanwhile.
    expect(asked).to.deep.equal(['1', '2', '3']);
    const taking = ahead.take(3);
    finishFirst!();
    const pages = await taking;
    expect(ids(pages)).to.deep.equal([1, 2, 3]);
    expect(pages.every((p) => (p.records[0] as { prepared?: boolean }).prepared)).to.equal(true);
  });

  it('answers the pages up to the end of the feed, then none', async () => {
    const { read } = feed(3);
    const ahead = new ReadAhead(read, asIs, '1', 2);
    const taken: number[] = [];
    for (let pages = await ahead.take(2); pages.length > 0; pages = await ahead.take(2)) taken.push(...ids(pages));
    expect(taken).to.deep.equal([1, 2, 3]);
    expect(await ahead.take(2)).to.deep.equal([]);
  });

  it('hands over every page read before a failed request, then throws its failure', async () => {
    const { read, asked } = feed(10, 3);
    const ahead = new ReadAhead(read, asIs, '1', 4);
    await settle();
    expect(ids(await ahead.take(4))).to.deep.equal([1, 2]);
    const error = await ahead.take(4).catch((e: unknown) => e);
    expect((error as Error).message).to.equal('page 3 failed');
    expect(asked).to.deep.equal(['1', '2', '3']);
  });

  it('throws the failure to prepare a page in its turn', async () => {
    const { read } = feed(10);
    const prepare = async (page: FeedPage) => {
      if (ids([page])[0] === 2) throw new TypeError('page 2 is malformed');
      return page;
    };
    const ahead = new ReadAhead(read, prepare, '1', 3);
    expect(ids(await ahead.take(3))).to.deep.equal([1]);
    const error = await ahead.take(3).catch((e: unknown) => e);
    expect((error as Error).message).to.equal('page 2 is malformed');
  });

  it('asks for nothing more once stopped', async () => {
    const { read, asked } = feed(10);
    const ahead = new ReadAhead(read, asIs, '1', 1);
    await ahead.take(1);
    ahead.stop();
    await settle();
    expect(asked.length).to.be.at.most(2);
  });
});
