// How long the studio's process list takes to open in Chromium (issue 13): from the navigation to
// /studio/processes until both of its tables — the process definitions and the packages — show
// their first rows (open-time.mjs does the measuring). Run against an engine serving the built web
// app with the standard packages deployed (`npm start`, or board-main.js --serve) as an analyst,
// integrator or admin:
//   node apps/modeler/scripts/process-list-open-time.mjs <engine url> <username> <password> [runs]
import { argumentsOf, measureOpenTime } from './open-time.mjs';

await measureOpenTime(argumentsOf('process-list-open-time.mjs'), {
  path: '/studio/processes',
  drawn: async (page) => {
    const sections = page.getByRole('main').locator('section');
    await sections.nth(0).locator('table tbody tr').first().waitFor();
    await sections.nth(1).locator('table tbody tr').first().waitFor();
  },
  reads: ['/api/v1/auth/session', '/api/v1/process-definitions', '/api/v1/process-definitions/statistics', '/api/v1/packages'],
});
