import type { MessageParams } from '../i18n/i18n';

/** An elapsed time as a message: `12 秒` under a minute, `2 分 05 秒` from one minute on. */
export function elapsedText(ms: number): {
  key: 'progress.seconds' | 'progress.minutes';
  params: MessageParams;
} {
  const total = Math.max(0, Math.floor(ms / 1000));
  if (total < 60) return { key: 'progress.seconds', params: { seconds: total } };
  return {
    key: 'progress.minutes',
    params: { minutes: Math.floor(total / 60), seconds: String(total % 60).padStart(2, '0') },
  };
}

/** A count as the list writes it: `3,400`. */
export function countText(n: number): string {
  return n.toLocaleString('en-US');
}
