/**
 * Errors a user can act on. Only `bin/` turns them into output and exit codes;
 * library code throws them with a Chinese message and, where known, a place.
 */
export type ErrorCode =
  | 'usage'
  | 'not-found'
  | 'unreadable'
  | 'binary'
  | 'empty'
  | 'no-input'
  | 'yaml-syntax'
  | 'schema'
  | 'template'
  | 'exists'
  | 'changed'
  | 'config'
  | 'dictionary'
  | 'output';

/** Where an error is; a part not known may be left out or undefined. */
export interface Place {
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
}

export class JianghuaError extends Error {
  override name = 'JianghuaError';
  readonly code: ErrorCode;
  readonly place: Place;
  /** ESLint convention: 2 for usage and input errors; 130/143 for signals. */
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, place: Place = {}, options: { cause?: unknown; exitCode?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.place = place;
    this.exitCode = options.exitCode ?? 2;
  }

  /** `file:line:column: message`, the form editors and terminals link. */
  format(): string {
    const { file, line, column } = this.place;
    const where = [file, line, line !== undefined ? column : undefined].filter((x) => x !== undefined).join(':');
    return where ? `${where}: ${this.message}` : this.message;
  }
}

export function isJianghuaError(error: unknown): error is JianghuaError {
  return error instanceof JianghuaError;
}
