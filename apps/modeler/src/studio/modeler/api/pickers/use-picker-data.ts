// Everything the properties panel offers to pick, loaded with react-query outside the panel (which
// is Preact, rendered by bpmn-js): the page passes the result to StageflowPickers.update. A list that
// is loading, failed or not readable is left out, and its entries fall back to text fields.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { StageflowPickerData } from '../../properties';
import { actionTemplatePicksQuery } from './action-templates.query';
import { formPicksQuery } from './forms.query';
import { messageNamePicksQuery } from './message-names.query';
import { parameterPicksQuery } from './package-parameters.query';
import { ruleSetPicksQuery } from './rule-sets.query';
import { teamPicksQuery } from './teams.query';
import { userPicksQuery } from './users.query';

export function usePickerData(processKey: string | undefined): StageflowPickerData {
  const ruleSets = useQuery(ruleSetPicksQuery).data;
  const actionTemplates = useQuery(actionTemplatePicksQuery).data;
  const forms = useQuery(formPicksQuery).data;
  const teams = useQuery(teamPicksQuery).data;
  const users = useQuery(userPicksQuery).data;
  const messageNames = useQuery(messageNamePicksQuery).data;
  const parameters = useQuery({ ...parameterPicksQuery(processKey ?? ''), enabled: processKey !== undefined }).data;
  return useMemo(
    () => ({
      ruleSets: ruleSets ?? undefined,
      actionTemplates: actionTemplates ?? undefined,
      forms: forms ?? undefined,
      teams: teams ?? undefined,
      users: users ?? undefined,
      messageNames: messageNames ?? undefined,
      parameters,
    }),
    [ruleSets, actionTemplates, forms, teams, users, messageNames, parameters],
  );
}
