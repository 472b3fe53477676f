import { expect } from 'vitest';
import { AppError } from '../platform/errors';

/** Awaits a promise that must fail with the platform's error type, and returns the error. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(AppError);
	return error as AppError;
}
