import { ApiError } from '../../../core/api/contract';
import { counted } from '../../../core/text/plural';
import { DurableWriteError } from '../store/durable-write';

/** Waits for every write; if any failed, reports an io error (each file is then as it is on disk). */
export async function settle(writes: Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(writes);
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length === 0) return;
  const error = ioError(failures[0]);
  if (failures.length < results.length)
    throw new ApiError(
      'io',
      `${error.message} (${results.length - failures.length} of ${counted(results.length, 'file was', 'files were')} saved)`,
      error.details,
    );
  throw error;
}

export function ioError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DurableWriteError) return new ApiError('io', `${error.message}. The change was not saved.`);
  return new ApiError('io', `Could not save: ${error instanceof Error ? error.message : String(error)}`);
}
