// Validate and Deploy of an edited action template or contact plan through the engine
// (POST /deployments/validate, POST /deployments), with its problems by path, and what the deploy
// did: a new version, or none when the engine already had this content (its `created`).
import { Alert, Button, Group, Stack } from '@mantine/core';
import type { DeployedVersion, DeploymentView } from '@stageflow/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemsList } from '../../rules/editor/problems-list';
import { deployResource, validateResource, type EditedResource } from '../../rules/api/deploy-resource';
import { plansKeys } from '../api/plans.api';

export function DeployButtons({
  resource,
  versionIn,
}: {
  resource: () => EditedResource;
  /** The version of the edited resource among what the deployment answers with. */
  versionIn: (deployment: DeploymentView) => DeployedVersion | undefined;
}) {
  const { t } = useTranslation('plans');
  const queryClient = useQueryClient();
  const validate = useMutation({ mutationFn: () => validateResource(resource()) });
  const deploy = useMutation<DeploymentView, Error>({
    mutationFn: () => deployResource(resource()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKeys.all }),
  });
  const version = deploy.data === undefined ? undefined : versionIn(deploy.data);
  const message = version && t(deploy.data?.created ? 'actions.deployed' : 'actions.unchanged', { key: version.key, version: version.version });
  return (
    <Stack gap="sm">
      <Group>
        <Button variant="default" onClick={() => validate.mutate()} loading={validate.isPending}>
          {t('actions.validate')}
        </Button>
        <Button onClick={() => deploy.mutate()} loading={deploy.isPending}>
          {t('actions.deploy')}
        </Button>
      </Group>
      {validate.isSuccess && (
        <Alert color="green" component="output">
          {t('actions.valid')}
        </Alert>
      )}
      {message !== undefined && (
        <Alert color="green" component="output">
          {message}
        </Alert>
      )}
      {validate.isError && <ProblemsList error={validate.error} title={t('actions.problems')} />}
      {deploy.isError && <ProblemsList error={deploy.error} title={t('actions.problems')} />}
    </Stack>
  );
}
