// A team's name, as an admin gives it: also the candidate group its members work, so the
// unsorted queue's group cannot be taken.
import { UNSORTED_QUEUE } from './unsorted-queue.js';
import { Invalid } from '../../errors/domain-errors.js';

/** A team name as given: trimmed, 1 to 200 characters, not the reserved unsorted queue. */
export function teamName(value: unknown, path = 'name'): string {
  if (typeof value !== 'string' || value.trim() === '') throw Invalid.field(path, 'is required and must be a non-empty string');
  const name = value.trim();
  if (name.length > 200) throw Invalid.field(path, 'must be at most 200 characters');
  if (name === UNSORTED_QUEUE) throw Invalid.field(path, `"${UNSORTED_QUEUE}" is reserved for the queue of work no strategy could assign`);
  return name;
}
