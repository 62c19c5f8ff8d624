/**
 * Lazy access to `@node-rs/jieba` (native, MIT). Loading the dictionary takes ~150 ms and ~50 MB, so
 * it happens once per process, on first use, and only if a caller needs segmentation.
 *
 * Everything here degrades gracefully: when the native module cannot be loaded (unsupported platform,
 * stripped install), `getJieba()` returns null and callers fall back to their jieba-free path.
 */

/** The subset of the `@node-rs/jieba` API this project uses (see its index.d.ts, v2.0.3). */
export interface JiebaLike {
  cut(sentence: string, hmm?: boolean | null): string[];
  tag(sentence: string, hmm?: boolean | null): Array<{ tag: string; word: string }>;
}

export interface TfIdfLike {
  extractKeywords(
    jieba: JiebaLike,
    sentence: string,
    topK: number,
    allowedPos?: string[] | null,
  ): Array<{ keyword: string; weight: number }>;
}

interface JiebaModule {
  Jieba: { withDict(dict: Uint8Array): JiebaLike };
  TfIdf: { withDict(dict: Uint8Array): TfIdfLike };
}

interface JiebaDictModule {
  dict: Uint8Array;
  idf: Uint8Array;
}

let jieba: JiebaLike | null | undefined;
let tfIdf: TfIdfLike | null | undefined;

function loadModules(): { mod: JiebaModule; dicts: JiebaDictModule } | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('@node-rs/jieba') as JiebaModule;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const dicts = require('@node-rs/jieba/dict') as JiebaDictModule;
    return { mod, dicts };
  } catch {
    return null;
  }
}

/** The shared jieba instance with the default dictionary, or null when the native module is unavailable. */
export function getJieba(): JiebaLike | null {
  if (jieba === undefined) {
    const loaded = loadModules();
    jieba = loaded ? loaded.mod.Jieba.withDict(loaded.dicts.dict) : null;
  }
  return jieba;
}

/** The shared TF-IDF extractor with jieba's default IDF table, or null when unavailable. */
export function getTfIdf(): TfIdfLike | null {
  if (tfIdf === undefined) {
    const loaded = loadModules();
    tfIdf = loaded ? loaded.mod.TfIdf.withDict(loaded.dicts.idf) : null;
  }
  return tfIdf;
}
