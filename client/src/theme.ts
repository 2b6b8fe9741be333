import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Calm indigo, with the primary shade dark enough for AA contrast on white (4.9:1). */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  headings: { fontWeight: '650' },
  components: {
    Badge: { defaultProps: { variant: 'light', radius: 'sm', tt: 'none' } },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    Tooltip: { defaultProps: { withArrow: true, openDelay: 250 } },
    Modal: { defaultProps: { centered: true, radius: 'md' } },
    TableTh: { defaultProps: { fz: 'sm' } },
    // Mount dropdown options only while open: a closed list labelled like its input would make
    // "the field labelled Role" ambiguous for assistive technology and tests.
    Combobox: { defaultProps: { keepMounted: false } },
  },
});

/** Mantine's default "dimmed" grey is 3.3:1 on white; this one passes AA (6:1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636b' },
  dark: {},
});
