// The business error codes the engine's runners report (failAction): an error boundary on the
// service task with this code catches them; uncaught they are an incident at the task.

/** A rendered value the action needs is empty or not usable (e.g. an empty recipient). */
export const INVALID_ACTION_INPUT = 'INVALID_ACTION_INPUT';
/** The user a notification or a task is for does not exist. */
export const UNKNOWN_USER = 'UNKNOWN_USER';
/** The process a startProcess action names is not deployed. */
export const UNKNOWN_PROCESS = 'UNKNOWN_PROCESS';
/** The contact plan a startContactPlan action names (after rendering) is not deployed. */
export const UNKNOWN_CONTACT_PLAN = 'UNKNOWN_CONTACT_PLAN';
