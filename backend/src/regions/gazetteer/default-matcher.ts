import { loadGazetteer } from './load-gazetteer';
import { RegionMatcher } from './region-matcher';

let matcher: RegionMatcher | null = null;

/** The process-wide matcher over the shipped gazetteer, built on first use (~20 ms). */
export function defaultRegionMatcher(): RegionMatcher {
  matcher ??= new RegionMatcher(loadGazetteer());
  return matcher;
}
