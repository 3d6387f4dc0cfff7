// Mantine's default description (gray 6) and error (red 6) colours fall short of WCAG AA's 4.5:1 on
// white (axe checks it): the instance forms use the darker shades.
export const readableInputStyles = {
  description: { color: 'var(--mantine-color-gray-7)' },
  error: { color: 'var(--mantine-color-red-9)' },
  /** The typed text keeps the body colour when the field has an error (Mantine turns it red 6). */
  input: { color: 'inherit' },
} as const;
