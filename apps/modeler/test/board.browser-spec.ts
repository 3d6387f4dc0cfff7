// The pipeline board in Chromium, on the standard opportunity package: a seller drags a deal forward
// (the process accepts it), a refused drag snaps back with the engine's reason and its fix, which
// once made lets the move through; a move to Won asks for the reason and comment first; the same move
// by keyboard; a manager filters the team's board by seller; a seller never sees another's deal.
// Axe on every state, screenshots of each.
import type { Page } from 'playwright-core';
import { describeWithBrowser, expectNoSeriousAxeViolations, screenshot, setupBrowserSuite, signIn, TABLET, type TestUser } from './support/index.js';
import { eventually } from '../../engine/test/support/polling.js';

const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

function column(page: Page, stage: string) {
  return page.locator(`section[data-stage="${stage}"]`);
}

function card(page: Page, name: string) {
  return page.locator('[data-card-id]').filter({ has: page.getByRole('link', { name, exact: true }) });
}

describeWithBrowser('the pipeline board', () => {
  const suite = setupBrowserSuite({ standardPackages: true });
  let sara: TestUser;
  let sven: TestUser;
  let mia: TestUser;
  const api = (user: TestUser) => suite.engine.as(user.token);

  /** A deal of `user` through the API, waiting at Identification once its process started. */
  async function deal(user: TestUser, fields: Record<string, unknown>): Promise<string> {
    const created = await api(user).post('/opportunities', fields);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await eventually(
      async () => ((await api(user).get(`/opportunities/${id}`)).body.stage === 'Identification' ? true : undefined),
      `${String(fields.name)} at Identification`,
    );
    return id;
  }

  async function openBoard(user: TestUser, path = '/workspace/board'): Promise<Page> {
    const page = await suite.newPage();
    await signIn(page, user, path);
    await page.getByRole('heading', { name: 'Pipeline board', level: 1 }).waitFor();
    await column(page, 'Identification').waitFor();
    return page;
  }

  beforeAll(async () => {
    sara = await suite.createUser('sara', ['seller'], ['sales']);
    sven = await suite.createUser('sven', ['seller'], ['sales']);
    mia = await suite.createUser('mia', ['manager'], ['sales']);
    await deal(sara, { name: 'Harbour cranes', value: 48000, currency: 'EUR', probability: 40, nextContactAt: inDays(2) });
    await deal(sara, { name: 'No plan yet', value: 9000, currency: 'EUR' });
    await deal(sara, { name: 'By keyboard', value: 1200, currency: 'EUR', nextContactAt: inDays(4) });
    await deal(sven, { name: 'Sven’s fleet', value: 30000, currency: 'EUR', nextContactAt: inDays(3) });
    // A deal ready to close: at Negotiation, its offer prepared.
    const closing = await deal(sara, { name: 'Ready to sign', value: 15000, currency: 'EUR', probability: 90, nextContactAt: inDays(1) });
    for (const stage of ['Qualification', 'Offer']) expect((await api(sara).post(`/opportunities/${closing}/stage`, { stage })).status).toBe(200);
    const prepare = await eventually(async () => {
      const process = await api(sara).get(`/opportunities/${closing}/process`);
      return (process.body.openTasks as { id: string; elementId: string }[]).find((task) => task.elementId === 'prepareOffer');
    }, 'the offer task');
    const variables = { offerRecipient: 'buyer@example.com', offerSendOn: inDays(7).slice(0, 10), offerSummary: 'Cranes' };
    expect((await api(sara).post(`/tasks/${prepare.id}/complete`, { variables })).status).toBe(200);
    expect((await api(sara).post(`/opportunities/${closing}/stage`, { stage: 'Negotiation' })).status).toBe(200);
  }, 180_000);

  it('shows a seller their deals by stage with totals, and moves a dragged deal when the process accepts it', async () => {
    const page = await openBoard(sara);
    await expect(column(page, 'Identification').getByTestId('column-totals').textContent()).resolves.toContain('3 deals');
    await card(page, 'Harbour cranes').getByText('€48,000.00').waitFor();
    // Another seller's deal is not on a seller's board.
    expect(await page.getByText('Sven’s fleet').count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'board-seller');

    await card(page, 'Harbour cranes').dragTo(column(page, 'Qualification'));
    await column(page, 'Qualification').getByRole('link', { name: 'Harbour cranes' }).waitFor();
    await page.getByTestId('board-announcer').filter({ hasText: 'Harbour cranes moved to Qualification.' }).waitFor();
    await eventually(
      async () => ((await api(sara).get('/board')).body.columns[1].cards.some((c: { name: string }) => c.name === 'Harbour cranes') ? true : undefined),
      'the move',
    );
    await page.reload();
    await column(page, 'Qualification').getByRole('link', { name: 'Harbour cranes' }).waitFor();
  });

  it('snaps a refused drag back with the engine’s reason, and moves it once the reason is fixed on the board', async () => {
    const page = await openBoard(sara);
    await card(page, 'No plan yet').dragTo(column(page, 'Qualification'));
    const alert = page.getByRole('alert').filter({ hasText: 'No plan yet cannot move to Qualification' });
    await alert.getByText('Plan the next contact before moving on').waitFor();
    await column(page, 'Identification').getByRole('link', { name: 'No plan yet' }).waitFor();
    expect(await column(page, 'Qualification').getByRole('link', { name: 'No plan yet' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'board-refused');

    await alert.getByLabel('Next contact').fill(inDays(3).slice(0, 16));
    await alert.getByRole('button', { name: 'Save' }).click();
    await alert.getByRole('button', { name: 'Saved' }).waitFor();
    await alert.getByRole('button', { name: 'Move again' }).click();
    await column(page, 'Qualification').getByRole('link', { name: 'No plan yet' }).waitFor();
    await page.getByTestId('board-announcer').filter({ hasText: 'No plan yet moved to Qualification.' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('asks for the reason and the comment before a move to Won', async () => {
    const page = await openBoard(sara);
    // Won is the fifth column: scrolled into view beside Negotiation, as a seller scrolls the board.
    await column(page, 'Won').scrollIntoViewIfNeeded();
    await card(page, 'Ready to sign').dragTo(column(page, 'Won'));
    const dialog = page.getByRole('dialog', { name: 'Close Ready to sign as won' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Move to Won' }).click();
    await dialog.getByText('Choose a reason').waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'board-won-dialog');
    await dialog.getByRole('combobox', { name: 'Why we won' }).click();
    // The win reasons by their titles in the package's opportunity.fields.json, not the values.
    const reasons = page.getByRole('option');
    await reasons.first().waitFor();
    expect(await reasons.allTextContents()).toEqual(['Price', 'Product fit', 'Relationship', 'Service', 'Speed', 'Other']);
    await screenshot(page, 'board-won-reasons');
    await page.getByRole('option', { name: 'Relationship', exact: true }).click();
    await dialog.getByLabel('Comment: what we learned').fill('They trusted our service team.');
    await dialog.getByRole('button', { name: 'Move to Won' }).click();
    await column(page, 'Won').getByRole('link', { name: 'Ready to sign' }).waitFor();
    const won = await eventually(async () => {
      const board = await api(sara).get('/board');
      return (board.body.columns as { stage: string; cards: { id: string; name: string; outcome: string }[] }[])
        .find((each) => each.stage === 'Won')
        ?.cards.find((each) => each.name === 'Ready to sign' && each.outcome === 'won');
    }, 'the deal closed as won by its process');
    expect(won.outcome).toBe('won');
    const deal = await api(sara).get(`/opportunities/${won.id}`);
    expect(deal.body).toMatchObject({ outcomeComment: 'They trusted our service team.', custom: { winReason: 'relationship' } });
  });

  it('moves a deal by keyboard: pick up with Space, arrows to choose, Space to drop, Escape to cancel', async () => {
    const page = await openBoard(sara);
    const handle = page.getByRole('button', { name: 'Move By keyboard with the keyboard' });
    await handle.focus();
    await page.keyboard.press('Space');
    await page.getByTestId('board-announcer').filter({ hasText: 'Picked up By keyboard in Identification' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('board-announcer').filter({ hasText: 'By keyboard over Qualification.' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('board-announcer').filter({ hasText: 'Move of By keyboard cancelled.' }).waitFor();

    await handle.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await screenshot(page, 'board-keyboard-carried');
    await page.keyboard.press('Space');
    await column(page, 'Qualification').getByRole('link', { name: 'By keyboard' }).waitFor();
    await page.getByTestId('board-announcer').filter({ hasText: 'By keyboard moved to Qualification.' }).waitFor();
    // The focus stays on the moved card.
    await eventually(
      async () =>
        (await page.evaluate(() =>
          (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }).document.activeElement?.getAttribute(
            'aria-label',
          ),
        )) === 'Move By keyboard with the keyboard'
          ? true
          : undefined,
      'the focus on the moved card',
    );

    // The card's stage menu moves too; Lost asks for the lost reason first (cancelled here).
    await page.getByRole('button', { name: 'Move By keyboard to another stage' }).click();
    await page.getByRole('menuitem', { name: 'Move to Lost' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close By keyboard as lost' });
    await dialog.getByRole('combobox', { name: 'Why we lost' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await column(page, 'Qualification').getByRole('link', { name: 'By keyboard' }).waitFor();
  });

  it('shows a manager the team’s deals and filters them by seller', async () => {
    const page = await openBoard(mia);
    await page.getByRole('link', { name: 'Sven’s fleet' }).waitFor();
    await page.getByRole('link', { name: 'No plan yet' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'board-manager');

    await page.getByRole('combobox', { name: 'Seller' }).click();
    await page.getByRole('option', { name: 'sven' }).click();
    await page.waitForURL(`**/workspace/board?ownerId=${sven.id}`);
    await eventually(async () => ((await page.getByRole('link', { name: 'No plan yet' }).count()) === 0 ? true : undefined), 'sara’s deals filtered out');
    await page.getByRole('link', { name: 'Sven’s fleet' }).waitFor();
    await expect(column(page, 'Identification').getByTestId('column-totals').textContent()).resolves.toContain('1 deal');
    await screenshot(page, 'board-manager-filtered');
  });

  it('fits a tablet: the columns scroll sideways', async () => {
    const page = await suite.newPage({ viewport: TABLET });
    await signIn(page, sara, '/workspace/board');
    await column(page, 'Identification').waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'board-tablet');
  });
});
