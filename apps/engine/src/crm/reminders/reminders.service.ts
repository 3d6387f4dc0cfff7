// Reminders by the database clock: a notification to an activity's owner N minutes before a meeting
// (STAGEFLOW_MEETING_REMINDER_MINUTES), and to an opportunity's owner when its nextContactAt passes
// without an activity logged on it since the date was set. The job is written in the transaction of
// the write that sets the time (the records' created / updated hooks), keyed by the record so a
// moved time replaces it, and the job checks the record again when it runs. graphile-worker runs a
// job on one node; the notification's idempotency key (record + time) makes a repeated run write
// nothing more.
import { Inject, Injectable } from '@nestjs/common';
import { activityType, opportunityType, type RecordTypeDefinition } from '@stageflow/api-contract';
import { ENGINE_CONFIG, type EngineConfig } from '../../platform/config/engine-config.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { uuidFrom } from '../../platform/database/uuid-from.js';
import { UsersRepository } from '../../platform/identity/users/users.repository.js';
import { JobHandlerRegistry } from '../../platform/jobs/job-handler-registry.js';
import type { JobPayload } from '../../platform/jobs/job-request.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { NotificationsRepository } from '../../platform/notifications/notifications.repository.js';
import { toRecordView } from '../records/record-columns.js';
import { RecordCreatedHooks } from '../records/record-created-hooks.js';
import { RecordUpdatedHooks } from '../records/record-updated-hooks.js';
import { RecordsRepository } from '../records/records.repository.js';
import {
  MEETING_REMINDER_TASK,
  NEXT_CONTACT_REMINDER_TASK,
  meetingReminderJob,
  meetingReminderKey,
  meetingStillDue,
  nextContactReminderJob,
  nextContactReminderKey,
  watchesNextContact,
} from './reminder-jobs.js';
import { RemindersRepository } from './reminders.repository.js';

const MEETING_FIELDS = ['kind', 'dueAt', 'done'];
const OPPORTUNITY_FIELDS = ['nextContactAt', 'outcome'];

@Injectable()
export class RemindersService {
  constructor(
    private readonly records: RecordsRepository,
    private readonly reminders: RemindersRepository,
    private readonly jobs: JobsService,
    private readonly users: UsersRepository,
    private readonly notifications: NotificationsRepository,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    registry: JobHandlerRegistry,
    created: RecordCreatedHooks,
    updated: RecordUpdatedHooks,
  ) {
    registry.register(MEETING_REMINDER_TASK, (payload) => this.remindOfMeeting(payload));
    registry.register(NEXT_CONTACT_REMINDER_TASK, (payload) => this.remindOfNextContact(payload));
    created.register((type, recordId, _principal, tx) => this.schedule(type, recordId, tx));
    updated.register((type, recordId, changed, tx) => this.schedule(type, recordId, tx, changed));
  }

  /** In the record's transaction: (re)writes or removes its reminder job. `changed` absent: a new record. */
  async schedule(type: RecordTypeDefinition, recordId: string, tx: Queryable, changed?: readonly string[]): Promise<void> {
    const watched = type.name === 'activity' ? MEETING_FIELDS : type.name === 'opportunity' ? OPPORTUNITY_FIELDS : [];
    if (watched.length === 0 || (changed !== undefined && !changed.some((field) => watched.includes(field)))) return;
    const row = await this.records.findById(type, recordId, tx);
    if (!row) return;
    const view = toRecordView(type, row);
    const job = type.name === 'activity' ? meetingReminderJob(view, this.config.meetingReminderMinutes) : nextContactReminderJob(view, view.updatedAt);
    const key = type.name === 'activity' ? meetingReminderKey(recordId) : nextContactReminderKey(recordId);
    if (job) await this.jobs.add([job], tx);
    else if (changed !== undefined) await this.jobs.remove([key], tx);
  }

  private async remindOfMeeting(payload: JobPayload): Promise<void> {
    const { activityId, dueAt } = payload as { activityId: string; dueAt: string };
    const row = await this.records.findById(activityType, activityId);
    if (!row) return;
    const activity = toRecordView(activityType, row);
    if (!meetingStillDue(activity, dueAt, await this.reminders.now()) || activity.ownerId === null) return;
    const at = new Date(dueAt).toISOString().slice(0, 16).replace('T', ' ');
    await this.notify(activity.ownerId, `Meeting "${String(activity.subject)}" at ${at} UTC`, `${meetingReminderKey(activityId)}:${dueAt}`);
  }

  private async remindOfNextContact(payload: JobPayload): Promise<void> {
    const { opportunityId, nextContactAt, since } = payload as { opportunityId: string; nextContactAt: string; since: string };
    const row = await this.records.findById(opportunityType, opportunityId);
    if (!row) return;
    const opportunity = toRecordView(opportunityType, row);
    if (!watchesNextContact(opportunity) || Date.parse(opportunity.nextContactAt) !== Date.parse(nextContactAt) || opportunity.ownerId === null) return;
    if (await this.reminders.activityLoggedSince(opportunityId, since)) return;
    await this.notify(
      opportunity.ownerId,
      `Next contact for "${String(opportunity.name)}" was due at ${nextContactAt.slice(0, 16).replace('T', ' ')} UTC and no activity was logged`,
      `${nextContactReminderKey(opportunityId)}:${nextContactAt}`,
    );
  }

  private async notify(ownerId: string, message: string, idempotencyKey: string): Promise<void> {
    const owner = await this.users.findById(ownerId);
    if (!owner) return;
    await this.notifications.insertOnce({
      id: uuidFrom(`notification\u0000${idempotencyKey}`),
      username: owner.username,
      message,
      process_instance_id: null,
      idempotency_key: idempotencyKey,
    });
  }
}
