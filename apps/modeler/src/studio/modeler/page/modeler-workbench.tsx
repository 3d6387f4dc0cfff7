// The modeler itself: toolbar, canvas, properties panel and problems list around one bpmn-js
// modeler. It opens `initial` and whatever the analyst opens later (a new diagram, a file), deploys
// the diagram and shows the engine's answer: the new version, "nothing changed", or the refusal's
// problems marked on their elements and listed.
import { Alert, Stack, Text } from '@mantine/core';
import type { i18n } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api/api-error';
import { ErrorAlert } from '../../../app/ui/error-alert';
import { useDeployDiagram } from '../api/deploy-diagram.mutation';
import { usePickerData } from '../api/pickers/use-picker-data';
import { DeployErrorMarkers } from '../canvas/deploy-error-markers';
import { bpmnFileName, downloadXml, executableProcessKeys, newDiagramXml, newProcessId } from '../canvas/diagram-io';
import { useBpmnModeler } from '../canvas/use-bpmn-modeler';
import type { DeployOutcome } from '../deploy/deploy-outcome';
import { deployErrorsByElement, engineProblems, lintProblems, sortedProblems, type Problem } from '../problems/problems';
import type { StageflowPickers } from '../properties';
import type { ModdleElement } from '../properties/panel-types';
import { conditionFields } from './condition-fields';
import { FlowConditionSection } from './flow-condition-section';
import { ModelerToolbar } from './modeler-toolbar';
import { ProblemsPanel } from './problems-panel';
import './modeler.css';

/** A diagram to open: its XML and the file name it deploys and downloads under. */
export interface DiagramDocument {
  xml: string;
  fileName: string;
}

/** A deployment of a document: what the engine answered, and the problems it named. */
interface DeployAttempt {
  document: DiagramDocument;
  problems: Problem[];
  outcome?: DeployOutcome;
  error?: unknown;
  noProcess?: boolean;
}

interface ImportState {
  document: DiagramDocument;
  error?: unknown;
  warnings: string[];
  /** The ids of the diagram's executable processes (the keys a deployment versions). */
  processKeys: string[];
}

export function newDiagramDocument(): DiagramDocument {
  const id = newProcessId();
  return { xml: newDiagramXml(id), fileName: `${id}.bpmn` };
}

export interface WorkbenchProps {
  initial: DiagramDocument;
  lintConfig: unknown;
  onNewDiagram: () => void;
  /** Called after a deployment the engine accepted (the page shows the new version). */
  onDeployed?: (outcome: DeployOutcome) => void;
}

export function ModelerWorkbench({ initial, lintConfig, onNewDiagram, onDeployed }: WorkbenchProps) {
  const { t, i18n } = useTranslation('modeler');
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const { modeler, canUndo, canRedo, lintIssues, selected } = useBpmnModeler(canvasRef, panelRef, i18n as i18n, lintConfig);
  const [document, setDocument] = useState(initial);
  const [imported, setImported] = useState<ImportState | undefined>();
  // The engine's answer to the last deployment, for the document it was made from: opening another
  // diagram leaves it behind without a reset.
  const [deployed, setDeployed] = useState<DeployAttempt | undefined>();
  const deploy = useDeployDiagram();
  const processKeys = imported?.document === document ? imported.processKeys : [];
  const pickers = usePickerData(processKeys[0]);
  const markers = useMemo(
    () =>
      modeler && new DeployErrorMarkers({ canvas: modeler.get('canvas'), overlays: modeler.get('overlays'), elementRegistry: modeler.get('elementRegistry') }),
    [modeler],
  );

  // The XML the canvas holds as deployed or opened: when the page hands over the version just deployed
  // from this canvas, it is the same text, and re-importing it would only lose the undo history.
  const [shownXml, setShownXml] = useState(initial.xml);
  const [lastInitial, setLastInitial] = useState(initial);
  if (initial !== lastInitial) {
    setLastInitial(initial);
    if (initial.xml !== shownXml) setDocument(initial);
  }

  useEffect(() => {
    modeler?.get<StageflowPickers>('stageflowPickers').update(pickers);
  }, [modeler, pickers]);

  useEffect(() => {
    if (!modeler) return;
    let current = true;
    markers?.clear();
    modeler
      .importXML(document.xml)
      .then(({ warnings }) => {
        if (!current) return;
        setShownXml(document.xml);
        setImported({ document, warnings: warnings.map(warningText), processKeys: executableProcessKeys(modeler.getDefinitions() as ModdleElement) });
        modeler.get<{ zoom(level: string): void }>('canvas').zoom('fit-viewport');
      })
      .catch((error: unknown) => current && setImported({ document, error, warnings: [], processKeys: [] }));
    return () => {
      current = false;
    };
  }, [modeler, document, markers]);

  const commandStack = () => modeler?.get<{ undo(): void; redo(): void }>('commandStack');

  const onOpenFile = async (file: File) => setDocument({ xml: await file.text(), fileName: bpmnFileName(file.name) });

  const onDownload = async () => {
    if (!modeler) return;
    const { xml } = await modeler.saveXML({ format: true });
    if (xml) downloadXml(xml, document.fileName);
  };

  const onDeploy = async () => {
    if (!modeler) return;
    const { xml } = await modeler.saveXML({ format: true });
    const keys = executableProcessKeys(modeler.getDefinitions() as ModdleElement);
    markers?.clear();
    if (!xml || keys.length === 0) {
      setDeployed({ document, problems: [], noProcess: true });
      return;
    }
    setDeployed(undefined);
    deploy.mutate(
      { resourceName: document.fileName, xml },
      {
        onSuccess: (outcome) => {
          setShownXml(xml);
          setDeployed({ document, problems: engineProblems(outcome.warnings, 'warning'), outcome });
          onDeployed?.(outcome);
        },
        onError: (error) => {
          const refused = error instanceof ApiError && error.status === 422 ? engineProblems(error.details, 'deploy') : [];
          setDeployed({ document, problems: refused, error });
          markers?.show(deployErrorsByElement(refused));
        },
      },
    );
  };

  const attempt = deployed?.document === document ? deployed : undefined;
  const shown = imported?.document === document ? imported : undefined;
  // Read at every render: a change of the diagram (each command re-renders) may add fields.
  const fields = modeler ? conditionFields(modeler.getDefinitions() as ModdleElement, pickers.parameters) : [];
  const problems = sortedProblems([...(attempt?.problems ?? []), ...lintProblems(lintIssues)]);

  const elementName = (elementId: string): string | undefined => {
    const element = modeler?.get<{ get(id: string): { businessObject: ModdleElement } | undefined }>('elementRegistry').get(elementId);
    if (!element) return undefined;
    const name = element.businessObject.get('name');
    return typeof name === 'string' ? name : '';
  };

  const onSelect = (elementId: string) => {
    if (!modeler) return;
    const element = modeler.get<{ get(id: string): object | undefined }>('elementRegistry').get(elementId);
    if (!element) return;
    modeler.get<{ select(element: object): void }>('selection').select(element);
    modeler.get<{ scrollToElement(element: object): void }>('canvas').scrollToElement(element);
  };

  return (
    <Stack gap="sm">
      <ModelerToolbar
        canUndo={canUndo}
        canRedo={canRedo}
        deploying={deploy.isPending}
        ready={shown !== undefined && shown.error === undefined}
        onNew={onNewDiagram}
        onOpenFile={(file) => void onOpenFile(file)}
        onUndo={() => commandStack()?.undo()}
        onRedo={() => commandStack()?.redo()}
        onDownload={() => void onDownload()}
        onDeploy={() => void onDeploy()}
      />
      <div aria-live="polite">
        {attempt && <DeployResult attempt={attempt} />}
        {shown?.error !== undefined && <ErrorAlert error={shown.error} title={t('importFailed')} />}
        {shown && shown.warnings.length > 0 && (
          <Text c="dimmed" size="sm">
            {t('importWarnings', { count: shown.warnings.length, first: shown.warnings[0] })}
          </Text>
        )}
      </div>
      <div className="stageflow-modeler">
        <div className="stageflow-modeler-canvas" ref={canvasRef} role="application" aria-label={t('canvasLabel')} />
        <aside className="stageflow-modeler-side" aria-label={t('propertiesLabel')}>
          {modeler && selected && <FlowConditionSection modeler={modeler} element={selected} fields={fields} />}
          <div className="stageflow-modeler-panel" ref={panelRef} />
        </aside>
      </div>
      <ProblemsPanel problems={problems} elementName={elementName} onSelect={onSelect} />
    </Stack>
  );
}

/** bpmn-js types its import warnings as strings; they are Errors with a message. */
function warningText(warning: unknown): string {
  return typeof warning === 'string' ? warning : String((warning as { message?: unknown }).message ?? warning);
}

function DeployResult({ attempt }: { attempt: DeployAttempt }) {
  const { t } = useTranslation('modeler');
  const { outcome, error, noProcess } = attempt;
  if (noProcess)
    return (
      <Alert color="orange" role="alert">
        {t('deployed.noProcess')}
      </Alert>
    );
  if (error instanceof ApiError && error.status === 422)
    return (
      <Alert color="red" role="alert" title={t('deployed.failed')}>
        {t('deployed.refused')}
      </Alert>
    );
  if (error !== undefined) return <ErrorAlert error={error} title={t('deployed.failed')} />;
  if (!outcome) return null;
  const processes = outcome.processes.map((process) => t('deployed.process', { key: process.key, version: process.version })).join(', ');
  return (
    <Alert color={outcome.kind === 'created' ? 'green' : 'blue'} data-testid="modeler-deploy-result">
      {t(outcome.kind === 'created' ? 'deployed.created' : 'deployed.unchanged', { processes })}
    </Alert>
  );
}
