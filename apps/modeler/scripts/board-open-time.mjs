// How long the pipeline board takes to open in Chromium: from the navigation to /workspace/board
// until every column and the first cards are drawn (open-time.mjs does the measuring). Run against
// an engine serving the built web app on a large pipeline (tools/bench/dist/board/board-main.js
// --serve prints one):
//   node apps/modeler/scripts/board-open-time.mjs <engine url> <username> <password> [runs]
import { argumentsOf, measureOpenTime } from './open-time.mjs';

await measureOpenTime(argumentsOf('board-open-time.mjs'), {
  path: '/workspace/board',
  drawn: async (page) => {
    await page.locator('section[data-stage]').nth(5).waitFor();
    await page.locator('[data-card-id]').first().waitFor();
  },
  reads: ['/api/v1/board'],
  count: async (page) => ({ cards: await page.locator('[data-card-id]').count() }),
});
