// A picker's list is a convenience: when the user may not read it (403), the entry falls back to a
// text field instead of the page failing. null (react-query keeps no undefined) means "not readable".
import { ApiError } from '../../../../app/api/api-error';

export async function readableOrNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return null;
    throw error;
  }
}
