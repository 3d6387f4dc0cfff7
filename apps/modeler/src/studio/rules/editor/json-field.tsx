// A JSON value edited as text: the text the analyst types is kept while it is not valid JSON (the
// error says so), and every valid edit is handed up; a change from elsewhere replaces the text.
import { Textarea } from '@mantine/core';
import { useState } from 'react';
import { sameJson } from '../builder/condition-query';

interface Props {
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  invalidMessage: (message: string) => string;
  minRows?: number;
  /** Refuses values that parse but do not fit (e.g. not an object): the message, or undefined. */
  check?: (value: unknown) => string | undefined;
}

export function JsonField({ label, value, onChange, invalidMessage, minRows = 3, check }: Props) {
  const [text, setText] = useState(() => JSON.stringify(value, null, 2) ?? '');
  const [error, setError] = useState<string | undefined>();
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    let same = false;
    try {
      same = sameJson(JSON.parse(text), value);
    } catch {
      same = false;
    }
    if (!same) {
      setText(JSON.stringify(value, null, 2) ?? '');
      setError(undefined);
    }
  }
  return (
    <Textarea
      label={label}
      value={text}
      autosize
      minRows={minRows}
      maxRows={30}
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
      error={error}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        try {
          const parsed: unknown = JSON.parse(next);
          const problem = check?.(parsed);
          setError(problem);
          if (problem === undefined) {
            setShown(parsed);
            onChange(parsed);
          }
        } catch (caught) {
          setError(invalidMessage(caught instanceof Error ? caught.message : String(caught)));
        }
      }}
    />
  );
}
