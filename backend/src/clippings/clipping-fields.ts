import type { ClippingKind, ClippingStatus } from '@jianbao/contracts';

export const CLIPPING_KINDS: readonly ClippingKind[] = ['article', 'photo', 'brief', 'ad', 'notice'];
export const CLIPPING_STATUSES: readonly ClippingStatus[] = ['draft', 'reviewed'];
