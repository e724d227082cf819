import { JianghuaError } from '../../src/index.js';

/** The JianghuaError that `fn` throws; any other outcome fails the test. */
export function failure(fn: () => unknown): JianghuaError {
  try {
    fn();
  } catch (error) {
    if (error instanceof JianghuaError) return error;
    throw error;
  }
  throw new Error('expected a JianghuaError');
}
