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
const pageLoaded = startRoute(queryClient, appRoutes, window.location);

// The first render waits for the page's chunk (a few tens of milliseconds after the entry, being
// asked for at once), so it draws the page itself rather than a loading fallback that React would
// then keep on screen for at least 300 ms; a chunk slower than this starts with the fallback. (A
// top-level await here would make Rolldown split the entry into dozens of shared chunks.)
const PAGE_WAIT_MS = 1_000;
void Promise.race([pageLoaded, new Promise((resolve) => setTimeout(resolve, PAGE_WAIT_MS))]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  ),
);
