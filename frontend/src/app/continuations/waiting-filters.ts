import type { Params } from '@angular/router';
import type { WaitingQuery } from './continuations-api';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The waiting list's filters, as found in the URL's query string (anything malformed is ignored). */
export function waitingQueryOf(params: {
  publicationId?: string | null;
  from?: string | null;
  to?: string | null;
}): Required<WaitingQuery> {
  const id = Number(params.publicationId);
  return {
    publicationId: params.publicationId && Number.isSafeInteger(id) && id > 0 ? id : null,
    from: params.from && ISO_DATE.test(params.from) ? params.from : null,
    to: params.to && ISO_DATE.test(params.to) ? params.to : null,
  };
}

/** Filters → query params for `router.navigate`; unset ones are removed from the URL (null). */
export function waitingParams(query: WaitingQuery): Params {
  return {
    publicationId: query.publicationId ?? null,
    from: query.from || null,
    to: query.to || null,
  };
}
