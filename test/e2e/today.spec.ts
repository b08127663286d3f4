import { expect, test, type Page } from '@playwright/test';
import { loadSampleData, openApp } from './app';

const DAY = 86_400_000;

/** The user's day `days` after the moment `from`, as the page's date input takes it. */
async function dayOf(page: Page, from: number, days: number): Promise<string> {
  return page.evaluate(
    ([at, offset]) => {
      const day = new Date(at);
      day.setDate(day.getDate() + offset);
      const pad = (n: number): string => String(n).padStart(2, '0');
      return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
    },
    [from, days] as const,
  );
}

/**
 * Opens Today and waits for its follow-ups, computed from the scores of the data as it is;
 * with `all`, shows every follow-up listed ("Show more" until there is no more), so that a
 * client missing from the list is missing from the lists, not from the first page.
 */
async function openToday(page: Page, { all = true } = {}): Promise<void> {
  await openApp(page, '/');
  await expect(page.locator('.scoring-status[data-phase="idle"]')).toBeAttached();
  await expect(page.getByTestId('today-as-of')).toBeVisible({ timeout: 20_000 });
  const more = page.getByTestId('more-follow-ups');
  while (all && (await more.count()) > 0) await more.click();
}

const followUp = (page: Page, id: string) => page.locator(`[data-follow-up="${id}"]`);

test('Today lists due follow-ups; one is done in two clicks and logged on the file, another snoozed until next week comes back a week later', async ({
  page,
}) => {
  const start = Date.now();
  await page.clock.install({ time: new Date(start) });
  await loadSampleData(page);
  await openToday(page);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Today' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  const items = page.getByRole('list', { name: /follow-ups? due$/ }).locator('[data-follow-up]');
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBeGreaterThan(1);
  await expect(items.first().getByTestId('due')).toHaveText(/^(Due today|Overdue [\d,]+ days?)/);
  await expect(items.first()).toContainText(
    /Priority: 12-month value .+ × \(1 \+ [\d,]+ days? overdue\) × risk [\d.]+\./,
  );

  // Done, a note, Save: two clicks, and the item leaves at once.
  const first = items.first();
  const doneId = (await first.getAttribute('data-follow-up')) ?? '';
  const doneName = await first.getByRole('link').first().innerText();
  await first.getByRole('button', { name: 'Done' }).click();
  const form = page.getByRole('form', { name: `Log the contact with ${doneName}` });
  await expect(form.getByRole('textbox', { name: 'Summary' })).toBeFocused();
  await page.keyboard.type('Called about the spring order');
  // Their answer is kept as feedback; one off its scale is refused first, nothing written.
  await form.getByRole('combobox', { name: 'Their answer (optional)' }).selectOption('nps');
  await form.getByRole('textbox', { name: 'Score' }).fill('11');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'A recommendation score is a whole number from 0 to 10.',
  );
  // The keyboard lands on the field to fix, marked.
  await expect(form.getByRole('textbox', { name: 'Score' })).toBeFocused();
  await expect(form.getByRole('textbox', { name: 'Score' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await form.getByRole('textbox', { name: 'Score' }).fill('9');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(followUp(page, doneId)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Logged the contact' })).toHaveText(
    `Logged the contact with ${doneName}.`,
  );
  // The keyboard goes on to the item that took its place; j and k move between items.
  await expect(items.first().getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('j');
  await expect(items.nth(1).getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items.first().getByRole('button', { name: 'Done' })).toBeFocused();

  // The contact is on the client's file, which counts its next follow-up from it, and Today,
  // computed again, no longer lists it.
  await openApp(page, `/clients/${encodeURIComponent(doneId)}`);
  await expect(page.getByTestId('client-follow-up')).toContainText(
    /^Next follow-up .+\. Last contact /,
  );
  const contacts = page.getByRole('region', { name: 'Contacts' });
  await expect(
    contacts.locator('[data-interaction-id]', { hasText: 'Called about the spring order' }),
  ).toHaveCount(1);
  const feedback = page.getByRole('region', { name: 'Feedback' });
  const answer = feedback.locator('[data-feedback-id]', {
    hasText: 'Called about the spring order',
  });
  await expect(answer.locator('td').nth(1)).toHaveText('Would recommend (0–10)');
  await expect(answer.locator('td').nth(2)).toHaveText('9');
  await expect(feedback.getByTestId('nps')).toContainText(/^Would recommend: \d+ promoters?, /);
  await openToday(page);
  await expect(items.first()).toBeVisible();
  await expect(followUp(page, doneId)).toHaveCount(0);

  // Snooze another: a reason is asked for, then it is gone until next week.
  const second = items.first();
  const snoozedId = (await second.getAttribute('data-follow-up')) ?? '';
  const snoozedName = await second.getByRole('link').first().innerText();
  await second.getByRole('button', { name: 'Snooze' }).click();
  const snooze = page.getByRole('form', { name: `Snooze the follow-up of ${snoozedName}` });
  await expect(snooze.getByRole('combobox', { name: 'Until' })).toBeFocused();
  // Escape closes the form and gives the keyboard back to its button.
  await page.keyboard.press('Escape');
  await expect(snooze).toHaveCount(0);
  await expect(second.getByRole('button', { name: 'Snooze' })).toBeFocused();
  await second.getByRole('button', { name: 'Snooze' }).click();
  await expect(snooze.getByRole('combobox', { name: 'Until' })).toBeFocused();
  await snooze.getByRole('combobox', { name: 'Until' }).selectOption('nextWeek');
  await snooze.getByRole('button', { name: 'Snooze' }).click();
  await expect(snooze.getByRole('alert')).toHaveText(
    'Say why, in a few words: the reason is kept with the snooze.',
  );
  await expect(snooze.getByRole('textbox', { name: 'Reason' })).toBeFocused();
  await expect(followUp(page, snoozedId)).toHaveCount(1);
  await snooze.getByRole('textbox', { name: 'Reason' }).fill('Waiting for their budget');
  await snooze.getByRole('button', { name: 'Snooze' }).click();
  await expect(followUp(page, snoozedId)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Snoozed' })).toContainText(
    `Snoozed ${snoozedName} until`,
  );

  // Its file says so, with the reason.
  await openApp(page, `/clients/${encodeURIComponent(snoozedId)}`);
  await expect(page.getByTestId('client-follow-up')).toHaveText(
    /^Follow-up snoozed until .+: Waiting for their budget$/,
  );

  // The snooze sticks: gone after a reload, and six days on.
  await openToday(page);
  await expect(items.first()).toBeVisible();
  await expect(followUp(page, snoozedId)).toHaveCount(0);
  const asOf = page.getByTestId('today-as-of');
  const snoozedOn = await asOf.innerText();
  await page.clock.setSystemTime(new Date(start + 6 * DAY));
  await openToday(page);
  // Scored again as of the new day (the scores of the old one may show first).
  await expect(asOf).not.toHaveText(snoozedOn, { timeout: 30_000 });
  await expect(items.first()).toBeVisible();
  await expect(followUp(page, snoozedId)).toHaveCount(0);

  // A week on, it is back.
  await page.clock.setSystemTime(new Date(start + 7 * DAY));
  await openToday(page);
  await expect(followUp(page, snoozedId)).toHaveCount(1, { timeout: 30_000 });
  // It says it is back from the snooze, and why it was put off.
  await expect(followUp(page, snoozedId).getByTestId('back-from-snooze')).toHaveText(
    /^Back from a snooze until .+: Waiting for their budget$/,
  );
});

test('with the clock 45 days on, a Core client last touched 70 days ago is one follow-up, overdue 10 days', async ({
  page,
}) => {
  const start = Date.now();
  await page.clock.install({ time: new Date(start) });
  await loadSampleData(page);
  const { id } = await coreClientCalled(page, 'Kestrel Studio', start, 25);

  // Today: contacted 25 days ago, Core every 60 days: not due.
  await openToday(page);
  await expect(page.getByRole('heading', { name: /follow-ups? due$/ })).toBeVisible();
  await expect(followUp(page, id)).toHaveCount(0);

  // 45 days on (the app was closed meanwhile): 70 days since, one item, overdue 10 days.
  await page.clock.setSystemTime(new Date(start + 45 * DAY));
  await openToday(page, { all: false });
  // The 25 most pressing first; "Show more" draws the next ones, the keyboard on the first.
  const items = page.getByRole('list', { name: /follow-ups? due$/ }).locator('[data-follow-up]');
  await expect(items).toHaveCount(25);
  await page.getByRole('button', { name: /^Show \d+ more$/ }).click();
  expect(await items.count()).toBeGreaterThan(25);
  await expect(items.nth(25).getByRole('button', { name: 'Done' })).toBeFocused();
  await openToday(page);
  await expect(followUp(page, id)).toHaveCount(1, { timeout: 30_000 });
  const item = followUp(page, id);
  await expect(item.getByTestId('due')).toHaveText('Overdue 10 days');
  await expect(item).toContainText('every 60 days');
  // The tier's playbook is at hand: its strategy and actions, in the method's words.
  await item.getByText('Core playbook').click();
  await expect(item.getByRole('group')).toContainText('Targeted recommendations');
  await expect(item.getByRole('listitem')).toHaveText([
    'Send a recommendation that fits their purchases',
    'Ask how the last project went',
  ]);
  await expect(page.locator('[data-follow-up]', { hasText: 'Kestrel Studio' })).toHaveCount(1);
});

/** A new client pinned to Core, with one call `daysAgo` days before `start`. */
async function coreClientCalled(page: Page, name: string, start: number, daysAgo: number) {
  await page.goto('/clients');
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const file = page.url();
  const pin = page.getByRole('region', { name: 'Manual tier' });
  await pin.getByRole('combobox', { name: 'Tier' }).selectOption({ label: 'Core' });
  await pin.getByRole('textbox', { name: 'Reason' }).fill('Retainer signed');
  await pin.getByRole('button', { name: 'Pin tier' }).click();
  await expect(pin.getByTestId('pinned')).toHaveText('Pinned to Core: Retainer signed');
  const contacts = page.getByRole('form', { name: 'New contact' });
  await contacts.getByLabel('Date').fill(await dayOf(page, start, -daysAgo));
  await contacts.getByRole('textbox', { name: 'Summary' }).fill('Kick-off call');
  await contacts.getByRole('button', { name: 'Add' }).click();
  await expect(page.locator('[data-interaction-id]', { hasText: 'Kick-off call' })).toHaveCount(1);
  return { file, id: decodeURIComponent(file.split('/clients/')[1] ?? '') };
}

test("a tier's playbook sets its cadence, with the method's defaults until saved; a client's own cadence comes first", async ({
  page,
}) => {
  const start = Date.now();
  await loadSampleData(page);
  const { file, id } = await coreClientCalled(page, 'Heron Works', start, 25);

  await openApp(page, '/settings');
  const card = page.getByRole('region', { name: 'Playbooks' });
  const vip = card.locator('[data-playbook="vip"]');
  await expect(vip.getByRole('textbox', { name: 'Follow up every (days)' })).toHaveValue('30');
  await expect(vip.getByRole('textbox', { name: 'Strategy' })).toHaveValue(
    /^Personal account care/,
  );
  const core = card.locator('[data-playbook="core"]');
  const cadence = core.getByRole('textbox', { name: 'Follow up every (days)' });
  await expect(cadence).toHaveValue('60');
  await cadence.fill('every month');
  await card.getByRole('button', { name: 'Save playbooks' }).click();
  await expect(core.getByRole('alert')).toHaveText('Enter whole days from 1 to 3,650, such as 30.');
  await cadence.fill('20');
  await card.getByRole('button', { name: 'Save playbooks' }).click();
  await expect(card.getByRole('status')).toHaveText('Playbooks saved.');

  // Core every 20 days: called 25 days ago, overdue 5 days.
  await openToday(page);
  await expect(followUp(page, id).getByTestId('due')).toHaveText('Overdue 5 days');
  await expect(followUp(page, id)).toContainText("every 20 days, as its tier's playbook says");

  // Its own cadence of 40 days: not due for another 15.
  await page.goto(file);
  await page.getByRole('button', { name: 'Edit profile' }).click();
  const profile = page.getByRole('form', { name: 'Profile' });
  const own = profile.getByRole('textbox', { name: /^Follow up every/ });
  await own.fill('0');
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(profile.getByRole('alert')).toHaveText(
    "Enter whole days from 1 to 3,650, such as 45; leave it empty to follow the tier's playbook.",
  );
  await own.fill('40');
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Edit profile' })).toBeFocused();
  await openToday(page);
  await expect(page.getByRole('heading', { name: /follow-ups? due$/ })).toBeVisible();
  await expect(followUp(page, id)).toHaveCount(0);
});
