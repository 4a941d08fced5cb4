/**
 * An error the user can fix (bad path, bad config, unwritable output). The CLI prints its message
 * on one line and exits with code 2; anything else is a bug and exits with code 3.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError || (error instanceof Error && error.name === 'UsageError');
}

export function toErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
