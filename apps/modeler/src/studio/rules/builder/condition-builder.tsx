// The condition builder of one rule: react-querybuilder over the rule's conditions, with the
// rule-set format as the truth — each change is converted back (queryToConditions) and handed up;
// conditions the builder cannot show exactly open as a notice pointing to the JSON view.
import { Alert, TextInput } from '@mantine/core';
import type { Condition } from '@stageflow/process-package';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryBuilder, type FullField, type RuleGroupType, type ValueEditorProps } from 'react-querybuilder';
import 'react-querybuilder/dist/query-builder.css';
import { operatorsFor, type BuilderField, type FieldType } from './builder-fields';
import { conditionsToQuery, queryToConditions, sameJson } from './condition-query';
import { textToValue, valueToText } from './value-text';

interface Props {
  conditions: unknown;
  fields: readonly BuilderField[];
  onChange: (conditions: Condition) => void;
  /** Names the builder for assistive technology (the rule's id). */
  label: string;
}

export function ConditionBuilder({ conditions, fields, onChange, label }: Props) {
  const { t } = useTranslation('rules');
  const conversion = useMemo(() => conditionsToQuery(conditions), [conditions]);
  // The builder keeps its own query (with the ids it adds) while it edits; a change of the
  // conditions from elsewhere (the JSON view) replaces it.
  const [query, setQuery] = useState<RuleGroupType | undefined>(conversion.ok ? conversion.query : undefined);
  const current = query !== undefined && sameJson(queryToConditions(query), conditions) ? query : conversion.ok ? conversion.query : undefined;
  const types = useMemo(() => new Map(fields.map((field) => [field.name, field.type])), [fields]);

  if (!conversion.ok || current === undefined) {
    return (
      <Alert color="yellow" title={t('builder.notRepresentable')}>
        {conversion.ok ? '' : conversion.reason}
      </Alert>
    );
  }

  return (
    <section aria-label={label} className="stageflow-condition-builder">
      <QueryBuilder
        query={current}
        onQueryChange={(next) => {
          setQuery(next);
          onChange(queryToConditions(next));
        }}
        fields={fields.map((field) => ({ name: field.name, label: field.name, value: field.name }))}
        getOperators={(field) => operatorsFor(types.get(field) ?? 'any').map((name) => ({ name, value: name, label: t(`operators.${name}`) }))}
        combinators={[
          { name: 'and', value: 'and', label: t('builder.all') },
          { name: 'or', value: 'or', label: t('builder.any') },
        ]}
        showNotToggle
        resetOnFieldChange={false}
        getDefaultValue={() => ''}
        controlElements={{ valueEditor: ValueText }}
        context={{ types, t }}
        translations={{
          addRule: { label: t('builder.addCondition'), title: t('builder.addCondition') },
          addGroup: { label: t('builder.addGroup'), title: t('builder.addGroup') },
          removeRule: { label: '×', title: t('builder.removeCondition') },
          removeGroup: { label: '×', title: t('builder.removeGroup') },
          notToggle: { label: t('builder.not'), title: t('builder.not') },
          fields: { title: t('builder.field') },
          operators: { title: t('builder.operator') },
          combinators: { title: t('builder.combinator') },
        }}
      />
    </section>
  );
}

interface BuilderContext {
  types: ReadonlyMap<string, FieldType>;
  t: (key: string) => string;
}

/** The value of one comparison as text (lists comma-separated, objects as JSON), typed by the field. */
function ValueText({ field, operator, value, handleOnChange, context }: ValueEditorProps<FullField>) {
  const { types, t } = context as BuilderContext;
  const type = types.get(field) ?? 'any';
  const [text, setText] = useState(() => valueToText(value, operator));
  const [shownFor, setShownFor] = useState({ value: value as unknown, operator });
  // A value changed from outside (another operator, the JSON view) shows as its text.
  if (shownFor.value !== value || shownFor.operator !== operator) {
    setShownFor({ value, operator });
    const parsed = textToValue(text, operator, type);
    if (!parsed.ok || !sameJson(parsed.value, value)) setText(valueToText(value, operator));
  }
  const parsed = textToValue(text, operator, type);
  return (
    <TextInput
      size="xs"
      aria-label={t('builder.value')}
      placeholder={t(`valueHints.${operator}`)}
      value={text}
      error={parsed.ok ? undefined : t(`builder.valueError.${parsed.message}`)}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const result = textToValue(next, operator, type);
        if (result.ok) handleOnChange(result.value);
      }}
    />
  );
}
