// The Mantine theme: the default look with the contrast WCAG AA asks for (axe checks every screen in
// the browser tests) — a primary shade dark enough for white text, and "dimmed" text (Mantine's
// gray 6, 3.3:1 on white) one shade darker (gray 7, 7.5:1), error text likewise (red 6, 3.8:1 -> red 8).
import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});

export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: { '--mantine-color-dimmed': resolved.colors.gray[7], '--mantine-color-error': resolved.colors.red[8] },
  dark: {},
});
