import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './global.css';

import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The DOM flavour of RouterProvider supports flushSync navigations (used when signing out).
import { RouterProvider } from 'react-router/dom';
import { createApolloClient } from './apollo/client';
import { ErrorBoundary } from './components/error-boundary';
import { router } from './router';
import { VIEWER_QUERY } from './session/viewer-query';
import { cssVariablesResolver, theme } from './theme';

const apolloClient = createApolloClient({
  // The session ended behind our back (expired, or signed out everywhere after a password
  // change elsewhere): forget the viewer, and the app pages send the person to sign in.
  onUnauthenticated: () => apolloClient.writeQuery({ query: VIEWER_QUERY, data: { viewer: null } }),
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <ErrorBoundary>
        <ApolloProvider client={apolloClient}>
          {/* Bottom left: toasts must not cover the bell, the user menu or a side panel’s title and buttons. */}
          <Notifications position="bottom-left" limit={3} />
          <RouterProvider router={router} />
        </ApolloProvider>
      </ErrorBoundary>
    </MantineProvider>
  </StrictMode>,
);
