import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createQueryClient } from './app/api/query-client';
import { startRoute } from './app/route-prefetch';
import { appRoutes } from './app/routes';

const queryClient = createQueryClient();
// Before React's first render (one long task): the session check, the page's chunk and namespaces
// and its first reads are asked for now, not once the render has reached them.
startRoute(queryClient, appRoutes, window.location);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
