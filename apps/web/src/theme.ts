import { createTheme, darken } from '@mantine/core';
import type { CSSVariablesResolver } from '@mantine/core';

/**
 * Mantine's defaults tuned for contrast (WCAG AA, checked by axe in the journeys): filled colours use the
 * darkest shade, and the text of light and outline variants is darkened further, since Mantine's own
 * shades 6–8 fall below 4.5:1 on their tinted backgrounds. "Dimmed" text is darker too.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 9, dark: 5 },
  autoContrast: true,
  luminanceThreshold: 0.35,
  defaultRadius: 'md',
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', 'DejaVu Sans', Arial, sans-serif",
  headings: {
    fontFamily:
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', 'DejaVu Sans', Arial, sans-serif",
  },
  focusRing: 'auto',
});

export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  };
  for (const [name, shades] of Object.entries(resolved.colors)) {
    const strong = shades[9];
    if (name === 'dark' || !strong) continue;
    const text = darken(strong, 0.2);
    light[`--mantine-color-${name}-light-color`] = text;
    light[`--mantine-color-${name}-outline`] = text;
    light[`--mantine-color-${name}-text`] = text;
  }
  return { variables: {}, light, dark: {} };
};
