/**
 * The candidate group of work no strategy could assign: a task with no assignee in this group
 * is in the unsorted queue that managers work (GET /tasks?queue=unsorted, POST /tasks/{id}/assign).
 * Reserved: no team may take this name.
 */
export const UNSORTED_QUEUE = 'unsorted';
