import type { WritableSignal } from '@angular/core';
import type { Observable } from 'rxjs';
import { type ErrorText, describeApiError, toApiError } from './api-error';

/** The signals of a page showing one record named by its route's `:id`. */
export interface RecordState<T> {
  value: WritableSignal<T | null>;
  loading: WritableSignal<boolean>;
  error: WritableSignal<ErrorText | null>;
}

/**
 * Loads the record `:id` names into `state`: cleared first; an id that is not a positive integer is
 * "not found" without a request; a failed request shows the server's reason in the UI's language.
 */
export function loadById<T>(
  id: string | undefined,
  fetch: (id: number) => Observable<T>,
  state: RecordState<T>,
): void {
  state.value.set(null);
  state.error.set(null);
  const n = Number(id);
  if (!Number.isSafeInteger(n) || n < 1) {
    state.error.set({ key: 'error.notFound', params: {} });
    return;
  }
  state.loading.set(true);
  fetch(n).subscribe({
    next: (value) => {
      state.loading.set(false);
      state.value.set(value);
    },
    error: (err: unknown) => {
      state.loading.set(false);
      state.error.set(describeApiError(toApiError(err)));
    },
  });
}
