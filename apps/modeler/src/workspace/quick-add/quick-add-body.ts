// The quick-add forms' values as the create bodies: empty fields left out, one e-mail and one phone
// as the lists the records keep, an amount as a number.

export interface LeadDraft {
  title: string;
  channel: string;
  contactName: string;
  email: string;
  phone: string;
}

export interface OpportunityDraft {
  name: string;
  value: string;
  currency: string;
  expectedDecisionDate: string;
}

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function leadBody(draft: LeadDraft): Record<string, unknown> {
  const email = text(draft.email);
  const phone = text(draft.phone);
  return {
    title: draft.title.trim(),
    channel: draft.channel,
    ...(text(draft.contactName) !== undefined ? { contactName: text(draft.contactName) } : {}),
    ...(email !== undefined ? { emails: [email] } : {}),
    ...(phone !== undefined ? { phones: [phone] } : {}),
  };
}

export function opportunityBody(draft: OpportunityDraft): Record<string, unknown> {
  const value = text(draft.value);
  return {
    name: draft.name.trim(),
    ...(value !== undefined ? { value: Number(value.replace(',', '.')), currency: draft.currency } : {}),
    ...(text(draft.expectedDecisionDate) !== undefined ? { expectedDecisionDate: draft.expectedDecisionDate } : {}),
  };
}

/** The engine's 400 details by the form's field: `emails[0]` is the e-mail field, `phones[0]` the phone. */
export function fieldOfPath(path: string | undefined): string | undefined {
  if (path === undefined || path === '') return undefined;
  const head = path.split(/[.[]/)[0]!;
  return head === 'emails' ? 'email' : head === 'phones' ? 'phone' : head;
}
