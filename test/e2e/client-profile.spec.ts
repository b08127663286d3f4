import { expect, test, type Page } from '@playwright/test';
import { loadSampleData, openApp, waitForNames } from './app';

/** The file of the best-ranked client; returns its name. */
async function openFirstClient(page: Page): Promise<string> {
  await openApp(page, '/clients');
  await waitForNames(page);
  const link = page.locator('a[data-cell="name"]').first();
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  return name;
}

test('contact persons, tags and an hourly rate are edited in the profile and shown in the file as links and chips', async ({
  page,
}) => {
  await loadSampleData(page);
  await openFirstClient(page);
  await page.getByRole('button', { name: 'Edit profile' }).click();
  const profile = page.getByRole('form', { name: 'Profile' });
  await profile.getByRole('textbox', { name: 'Tags' }).fill('retail, design');
  await profile.getByRole('textbox', { name: 'Hourly rate' }).fill('a lot');

  // A contact person without a name, and one with a bad address: each says what is wrong.
  await profile.getByRole('button', { name: 'Add contact person' }).click();
  const first = profile.getByRole('group', { name: 'Contact person 1' });
  await expect(first.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await expect(first.getByRole('radio', { name: 'Primary' })).toBeChecked();
  await profile.getByRole('button', { name: 'Add contact person' }).click();
  const second = profile.getByRole('group', { name: 'Contact person 2' });
  await second.getByRole('textbox', { name: 'Name' }).fill('Tom Li');
  await second.getByRole('textbox', { name: 'Email' }).fill('tom-at-example');
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(profile.getByText('Enter the hourly rate as a number of at least 0')).toBeVisible();
  await expect(first.getByRole('alert')).toHaveText(
    'Enter the contact person’s name, or remove them.',
  );
  await expect(second.getByRole('alert')).toHaveText(
    'Enter a valid email address, such as name@example.com, or leave it empty.',
  );
  await expect(page.getByTestId('contact-persons')).toHaveCount(0);

  await profile.getByRole('textbox', { name: 'Hourly rate' }).fill('85');
  await first.getByRole('textbox', { name: 'Name' }).fill('Mia Chen');
  await first.getByRole('textbox', { name: 'Role' }).fill('Studio manager');
  await first.getByRole('textbox', { name: 'Email' }).fill('mia@harbour.example');
  await first.getByRole('textbox', { name: 'Phone' }).fill('+44 20 7946 0000');
  await second.getByRole('textbox', { name: 'Email' }).fill('tom@harbour.example');
  await second.getByRole('radio', { name: 'Primary' }).check();
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(profile).toBeHidden();
  await expect(page.getByRole('button', { name: 'Edit profile' })).toBeFocused();

  // The primary one first; every address a link.
  const people = page.getByTestId('contact-persons').getByRole('listitem');
  await expect(people).toHaveCount(2);
  await expect(people.first()).toContainText('Tom Li');
  await expect(people.first()).toContainText('Primary');
  await expect(people.nth(1)).toContainText('Mia Chen, Studio manager');
  await expect(people.nth(1).getByRole('link', { name: 'mia@harbour.example' })).toHaveAttribute(
    'href',
    'mailto:mia@harbour.example',
  );
  await expect(people.nth(1).getByRole('link', { name: '+44 20 7946 0000' })).toHaveAttribute(
    'href',
    'tel:+442079460000',
  );
  const tags = page.getByRole('list', { name: 'Tags' }).getByRole('listitem');
  await expect(tags).toHaveText(['retail', 'design']);
  const mail = page.locator('a[href^="mailto:"]').first();
  expect(await mail.getAttribute('href')).toBe(`mailto:${(await mail.innerText()).trim()}`);

  // The rate and the people are kept: the form opens on them again.
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await expect(profile.getByRole('textbox', { name: 'Hourly rate' })).toHaveValue('85');
  await expect(profile.getByRole('group', { name: 'Contact person 1' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(profile).toBeHidden();
});

/** `YYYY-MM-DD` of the day `days` from the moment `from` (epoch ms), in the browser's zone. */
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

test('在中文界面中，固定层级显示设定日期和截止日期；过了截止日期显示已过期，不再覆盖计算出的层级', async ({
  page,
}) => {
  // The pin is set twenty days ago, to hold five days.
  const now = Date.now();
  const then = now - 20 * 86_400_000;
  await page.clock.install({ time: new Date(then) });
  await loadSampleData(page);
  await openApp(page, '/settings');
  await page.locator('select[name="language"]').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await openApp(page, '/clients');
  await waitForNames(page);
  await page.locator('a[data-cell="name"]').first().click();
  const file = page.url();
  const badge = page.locator('#score-title .badge');
  await expect(badge).toBeVisible();

  const pin = page.getByRole('region', { name: '手动层级' });
  await pin.getByRole('combobox', { name: '层级' }).selectOption({ label: '低价值客户' });
  await pin.getByRole('textbox', { name: '原因' }).fill('合同暂停');
  await pin.getByLabel('截止日期（可选）').fill(await dayOf(page, then, 5));
  await pin.getByRole('button', { name: '固定层级' }).click();
  await expect(pin.getByTestId('pinned')).toHaveText('已固定为 低价值客户：合同暂停');
  await expect(pin.getByTestId('pin-dates')).toHaveText(/^设定于 .+。有效期至 .+。$/);
  await expect(pin.getByRole('button', { name: '取消固定' })).toBeFocused();

  // Today, fifteen days after its last day: shown expired, and the tier is the computed one.
  await page.clock.setSystemTime(new Date(now));
  await page.reload();
  await expect(pin.getByTestId('pinned')).toHaveText('已固定为 低价值客户（已过期）：合同暂停');
  await expect(pin.getByTestId('pin-dates')).toHaveText(
    /^设定于 .+。已于 .+ 后过期：重新使用计算出的层级。$/,
  );
  await expect(badge).not.toHaveText('低价值客户', { timeout: 20_000 });

  // Scored as of a day it still held (a fixed evaluation date), it overrides again.
  await openApp(page, '/settings');
  await page.getByRole('combobox', { name: '评分的截止日期' }).selectOption({ label: '固定日期' });
  const fixed = page.getByLabel('固定日期', { exact: true }).and(page.locator('input'));
  await fixed.fill(await dayOf(page, then, 2));
  // Saved: the as-of line says the date is fixed, with a link to change it.
  await expect(page.getByTestId('as-of').getByRole('link')).toBeVisible();
  await page.goto(file);
  await expect(pin.getByTestId('pinned')).toHaveText('已固定为 低价值客户：合同暂停');
  await expect(badge).toHaveText('低价值客户', { timeout: 20_000 });
});
