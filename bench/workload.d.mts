// Types for workload.mjs (the bench is plain ESM; tests import it from TypeScript).
export declare const ROOT: string;
export declare const CORPUS_DIR: string;
export declare const MIN_CHARS: number;
export declare const MAX_CHARS: number;
export declare const PART_SIZE: number;

export interface OpinionUnit {
  series: string;
  marker: string;
  paragraphs: string[];
}
export interface Pool {
  titles: string[];
  salutations: string[];
  opening: string[][];
  achievements: string[][];
  problems: string[][];
  transitions: string[][];
  closing: string[][];
  opinions: Map<string, OpinionUnit[]>;
}

export declare function prng(seed: number): () => number;
export declare function buildPool(texts: string[]): Pool;
export declare function composeSpeech(pool: Pool, rand: () => number): string;
export declare function readCorpus(dir?: string): Promise<string[]>;
export declare function generateSpeeches(pool: Pool, count: number, seed: number): Generator<string>;
export declare function writeWorkload(
  dir: string,
  options: { count: number; seed: number; corpusDir?: string; concatAt?: number[]; concatDir?: string },
): Promise<{ chars: (count: number) => number; bytes: (count: number) => number; concatFiles: Record<number, string> }>;
