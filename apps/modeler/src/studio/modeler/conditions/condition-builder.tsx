// The condition builder: a sequence flow's FEEL condition as rows of field / operator / value,
// combined by all or any, with the FEEL text beside it in its own tab. The FEEL text is the
// truth (what `value` holds and `onChange` receives); the rows are written as FEEL once every row
// is complete. A text the builder cannot show opens on the FEEL tab with a note.
import { Alert, Button, SegmentedControl, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromFeel } from './condition-from-feel';
import { draftFromModel, draftToModel, newRow, type ConditionDraft, type ConditionField, type DraftRow } from './condition-draft';
import type { Combinator } from './condition-model';
import { ConditionRowEditor } from './condition-row-editor';
import { toFeel } from './condition-to-feel';

export interface ConditionBuilderProps {
  /** The condition's FEEL text as the diagram stores it (`= …`), '' for none. */
  value: string;
  /** Receives the new FEEL text ('' when the last row is removed). */
  onChange: (text: string) => void;
  /** The fields the rows may name. */
  fields: readonly ConditionField[];
  /** What the tabs are named for assistive technology. */
  label?: string;
}

type Tab = 'rows' | 'feel';

/** Secondary text: Mantine's "dimmed" grey has 3.3:1 on white, under the 4.5:1 WCAG AA asks. */
const QUIET = 'gray.7';

interface BuilderState {
  tab: Tab;
  /** The rows; undefined when the text is not one the builder can show. */
  draft: ConditionDraft | undefined;
  reading: 'ok' | 'invalid' | 'not-representable';
}

function read(text: string, fields: readonly ConditionField[], tab?: Tab): BuilderState {
  const result = fromFeel(text);
  if (!result.ok) return { tab: 'feel', draft: undefined, reading: result.reason };
  return { tab: tab ?? 'rows', draft: draftFromModel(result.model, fields), reading: 'ok' };
}

export function ConditionBuilder({ value, onChange, fields, label }: ConditionBuilderProps) {
  const { t } = useTranslation('conditionBuilder');
  // The text last read or written: a different `value` comes from outside (another flow, undo).
  const [source, setSource] = useState(value);
  const [state, setState] = useState(() => read(value, fields));
  if (value !== source) {
    setSource(value);
    setState(read(value, fields, state.tab));
  }

  const emit = (text: string) => {
    setSource(text);
    onChange(text);
  };

  const editRows = (draft: ConditionDraft) => {
    setState({ ...state, draft });
    const result = draftToModel(draft);
    if (result.ok) {
      const text = toFeel(result.model);
      if (text !== source) emit(text);
    }
  };

  const editText = (text: string) => {
    setState(read(text, fields, 'feel'));
    emit(text);
  };

  const draft = state.draft;
  const checked = draft ? draftToModel(draft) : undefined;
  const problems = checked && !checked.ok ? checked.problems : [];
  const setRow = (index: number, row: DraftRow) => draft && editRows({ ...draft, rows: draft.rows.map((old, i) => (i === index ? row : old)) });
  const removeRow = (index: number) => draft && editRows({ ...draft, rows: draft.rows.filter((_, i) => i !== index) });

  return (
    <Tabs value={state.tab} onChange={(tab) => tab && setState({ ...state, tab: tab as Tab })} keepMounted={false}>
      <Tabs.List aria-label={label ?? t('label')}>
        <Tabs.Tab value="rows" disabled={!draft}>
          {t('tabs.rows')}
        </Tabs.Tab>
        <Tabs.Tab value="feel">{t('tabs.feel')}</Tabs.Tab>
      </Tabs.List>

      <Tabs.Panel value="rows" pt="sm">
        {draft && (
          <Stack gap="sm">
            {draft.rows.length > 1 && (
              <SegmentedControl
                aria-label={t('combinator.label')}
                data={[
                  { value: 'all', label: t('combinator.all') },
                  { value: 'any', label: t('combinator.any') },
                ]}
                value={draft.combinator}
                onChange={(combinator) => editRows({ ...draft, combinator: combinator as Combinator })}
              />
            )}
            {draft.rows.length === 0 && <Text c={QUIET}>{t('noRows')}</Text>}
            {draft.rows.map((row, index) => (
              <ConditionRowEditor
                key={row.key}
                row={row}
                number={index + 1}
                fields={fields}
                problem={problems[index]}
                onChange={(changed) => setRow(index, changed)}
                onRemove={() => removeRow(index)}
              />
            ))}
            {problems.length > 0 && (
              <Text size="sm" c={QUIET} aria-live="polite">
                {t('incomplete')}
              </Text>
            )}
            <Button variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => editRows({ ...draft, rows: [...draft.rows, newRow(fields)] })}>
              {t('addRow')}
            </Button>
          </Stack>
        )}
      </Tabs.Panel>

      <Tabs.Panel value="feel" pt="sm">
        <Stack gap="sm">
          {state.reading === 'not-representable' && <Alert color="blue">{t('feel.notRepresentable')}</Alert>}
          {state.reading === 'invalid' && (
            <Alert color="red" role="alert">
              {t('feel.invalid')}
            </Alert>
          )}
          <Textarea
            label={t('feel.label')}
            description={t('feel.description')}
            value={source}
            onChange={(event) => editText(event.currentTarget.value)}
            autosize
            minRows={2}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' }, description: { color: 'var(--mantine-color-gray-7)' } }}
            spellCheck={false}
          />
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}
