import type { ErrorCode } from '@homeward/domain';

/**
 * Every failed API call becomes one of these, built from the API's single error shape. `message` is meant
 * for the person; `reference` (5xx only) lets support find the log entry.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly reference: string | undefined;
  readonly details: unknown;

  constructor(init: { code: ErrorCode; message: string; status: number; reference?: string; details?: unknown }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.reference = init.reference;
    this.details = init.details;
  }

  /** A server-side failure: the person can do nothing but report it with the reference. */
  get isServerError(): boolean {
    return this.status >= 500;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
