import { expect } from 'vitest';
import { ApiError } from '../api/errors';

/** The ApiError a promise rejects with; fails the test if it resolves or rejects otherwise. */
export async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a failure');
}
