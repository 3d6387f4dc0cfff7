// The modeler page (lazily loaded with bpmn-js, the properties panel and the lint):
//   /studio/modeler                     a new diagram
//   /studio/modeler/:key                the latest deployed version of process `key`
//   /studio/modeler/:key?version=3      that version
// Deploying always makes the next version of the key; opening an older one is how an analyst starts
// from it.
import { Select } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { ProcessDefinitionView } from '@stageflow/api-contract';
import { PageHeader } from '../../../app/layout/page-header';
import { EmptyState, QueryState } from '../../../app/ui/query-state';
import { definitionVersionsQuery } from '../api/definition-versions.query';
import { definitionXmlQuery } from '../api/definition-xml.query';
import { bpmnFileName } from '../canvas/diagram-io';
import type { DeployOutcome } from '../deploy/deploy-outcome';
import { ModelerWorkbench, newDiagramDocument, type DiagramDocument } from './modeler-workbench';
import { useLinterConfig } from './use-linter-config';

export function ModelerPage() {
  const { key } = useParams<{ key?: string }>();
  return key === undefined ? <NewDiagramPage /> : <DeployedDiagramPage processKey={key} />;
}

function NewDiagramPage() {
  const { t } = useTranslation('modeler');
  // A fresh document each time the analyst asks for a new diagram.
  const [document, setDocument] = useState(newDiagramDocument);
  const lintConfig = useLinterConfig();
  return (
    <>
      <PageHeader title={t('title')} />
      <ModelerWorkbench initial={document} lintConfig={lintConfig} onNewDiagram={() => setDocument(newDiagramDocument())} />
    </>
  );
}

function DeployedDiagramPage({ processKey }: { processKey: string }) {
  const { t } = useTranslation('modeler');
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const versions = useQuery(definitionVersionsQuery(processKey));
  const requested = search.get('version');
  return (
    <QueryState query={versions} isEmpty={(page) => page.items.length === 0} empty={t('deployed.noProcess')}>
      {(page) => {
        const definition = page.items.find((item) => String(item.version) === requested) ?? page.items[0];
        if (!definition) return <EmptyState>{t('deployed.noProcess')}</EmptyState>;
        return (
          <>
            <PageHeader title={t('titleOf', { name: definition.name ?? definition.key })}>
              <Select
                label={t('version')}
                data={page.items.map((item, index) => ({
                  value: String(item.version),
                  label: `${t('versionOption', { version: item.version })}${index === 0 ? ` (${t('latest')})` : ''}`,
                }))}
                value={String(definition.version)}
                onChange={(version) => version && setSearch({ version })}
                allowDeselect={false}
                w={180}
              />
            </PageHeader>
            <DeployedDiagram
              definition={definition}
              onNewDiagram={() => void navigate('/studio/modeler')}
              onDeployed={(outcome) => {
                const deployed = outcome.processes.find((process) => process.key === processKey);
                if (deployed) setSearch({ version: String(deployed.version) }, { replace: true });
              }}
            />
          </>
        );
      }}
    </QueryState>
  );
}

function DeployedDiagram({
  definition,
  onNewDiagram,
  onDeployed,
}: {
  definition: ProcessDefinitionView;
  onNewDiagram: () => void;
  onDeployed: (outcome: DeployOutcome) => void;
}) {
  const { t } = useTranslation('modeler');
  // The previous version's XML stays while another loads, so the workbench (and its undo history)
  // is not unmounted; it re-imports only when the text differs from what it shows.
  const xml = useQuery({ ...definitionXmlQuery(definition.id), placeholderData: keepPreviousData });
  const lintConfig = useLinterConfig();
  const document = useMemo<DiagramDocument | undefined>(
    () => (xml.data === undefined ? undefined : { xml: xml.data, fileName: bpmnFileName(definition.resourceName) }),
    [xml.data, definition.resourceName],
  );
  return (
    <QueryState query={xml}>
      {() =>
        document ? (
          <ModelerWorkbench initial={document} lintConfig={lintConfig} onNewDiagram={onNewDiagram} onDeployed={onDeployed} />
        ) : (
          <EmptyState>{t('loadingDiagram')}</EmptyState>
        )
      }
    </QueryState>
  );
}
