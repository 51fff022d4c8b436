import type { ContainerModuleLoadOptions } from 'inversify';
import { FeedSink } from '../usage/collection/feed-sink';
import { CatalogueFeedSink } from './catalogue-feed-sink';
import { HoldingsDuring } from './holdings-during';

/** `CatalogueStore` and `CatalogueQuery` are bound by persistence. */
export function bindCatalogue(bind: ContainerModuleLoadOptions['bind']): void {
  bind(CatalogueFeedSink).toSelf().inSingletonScope();
  bind(FeedSink).toService(CatalogueFeedSink);
  bind(HoldingsDuring).toSelf().inSingletonScope();
}
