// The record a task or an activity is about ({type, id} with the engine's type name) as a link to
// its page (recordHref), or as plain text for a type without one (an activity).
import { Anchor, type AnchorProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { recordHref, recordTypeFrom } from '../records/record-kinds';

export function RecordLink({ record, children, ...anchor }: { record: { type: string; id: string }; children: ReactNode } & AnchorProps) {
  const type = recordTypeFrom(record.type);
  if (type === undefined) return <>{children}</>;
  return (
    <Anchor component={Link} to={recordHref(type, record.id)} {...anchor}>
      {children}
    </Anchor>
  );
}
