import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { CollectFeeds, type FeedReport } from '../collector/collect-feeds';
import { withMigratedContainer } from './with-container';

/** `wap-billing collect`: one collection run now, with live counts and a summary per feed. */
export function addCollectCommand(program: Command): void {
  program
    .command('collect')
    .description('pull every WAP feed once, until each answers an empty page')
    .action(() =>
      withMigratedContainer(async (container) => {
        // WAP does not say how many records a feed holds, so the bar counts up rather than filling.
        const bar = new SingleBar({ format: 'collecting {feed}: {value} records in {pages} pages', hideCursor: true, noTTYOutput: false }, Presets.shades_classic);
        bar.start(0, 0, { feed: '…', pages: 0 });
        const report = await container.get(CollectFeeds).collect((feed, progress) => {
          bar.setTotal(progress.new + progress.duplicate);
          bar.update(progress.new + progress.duplicate, { feed, pages: progress.pages });
        });
        bar.stop();
        if (report.status === 'lease-held') {
          console.error('Another resource provider instance is collecting now; nothing was done.');
          process.exitCode = 2;
          return;
        }
        for (const feed of report.feeds) console.log(summaryLine(feed));
        if (report.feeds.some((f) => f.error)) process.exitCode = 1;
      }),
    );
}

function summaryLine(feed: FeedReport): string {
  const counts = `${feed.new} new, ${feed.duplicate} already stored, ${feed.pages} pages, next startId ${feed.watermark}`;
  return feed.error ? `${feed.feed}: FAILED after ${counts}: ${feed.error}` : `${feed.feed}: ${counts}`;
}
