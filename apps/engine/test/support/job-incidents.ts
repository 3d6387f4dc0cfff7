// The open incident of a job that failed for good. The job runner raises it after the handler has
// thrown — after the handler marked its outbox row failed — so a test that saw the row fail waits
// for the incident rather than reading it at once.
import { bearer, type EngineSuite } from './engine-suite.js';
import { eventually } from './polling.js';

export interface JobIncidentBody {
  id: string;
  kind: string;
  message: string;
  job: { task: string; key: string } | null;
}

/** The instance's open incidents once one names the job `jobKey`; all of them, for the caller to check. */
export function openIncidentsOnceJobFailed(suite: EngineSuite, processInstanceId: string, jobKey: string): Promise<JobIncidentBody[]> {
  return eventually(async () => {
    const response = await suite
      .http()
      .get(`/api/v1/incidents?processInstanceId=${processInstanceId}&state=open`)
      .set(...bearer(suite.adminToken()));
    const items = response.body.items as JobIncidentBody[];
    return items.some((item) => item.job?.key === jobKey) ? items : undefined;
  }, `the incident of job ${jobKey}`);
}
