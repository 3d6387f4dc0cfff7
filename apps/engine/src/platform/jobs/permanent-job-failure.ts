/**
 * Thrown by a job handler when trying again cannot help (a receiver answered 404, an address
 * is refused by policy): the job skips its remaining attempts and its incident is raised at
 * once. Retrying the incident (after fixing the cause) queues the job again.
 */
export class PermanentJobFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobFailure';
  }
}
