/** Any feed the Usage Service pages through: records with EventIds 1, 2, 3… in order. */
export interface FeedSource<T> {
  /** Highest EventId handed out so far; 0 when the feed is empty. */
  readonly lastEventId: number;
  /** Records with `firstId <= EventId`, in order, at most `count`. */
  page(firstId: number, count: number): T[];
}
