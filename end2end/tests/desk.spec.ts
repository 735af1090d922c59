import { Browser, expect, Page, test } from "@playwright/test";

import { signIn, submitBirthRegistration } from "./dossier-steps";

// The one-stop desk of Phường Nha Trang checks online birth registrations:
// one is received with its appointment date, one is sent back for a
// supplement and comes back, one is refused; the citizen sees each outcome.

async function officer(browser: Browser, baseURL: string | undefined, javaScriptEnabled: boolean): Promise<Page> {
  const page = await (await browser.newContext({ baseURL, javaScriptEnabled, locale: "vi-VN" })).newPage();
  await page.goto("/dang-nhap");
  await page.getByRole("link", { name: "Cán bộ đăng nhập" }).click();
  await page.getByLabel("Tên đăng nhập").fill("motcua.y");
  await page.getByLabel("Mật khẩu").fill("demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/can-bo$/);
  return page;
}

async function openFromQueue(desk: Page, code: string) {
  await desk.goto("/can-bo");
  await desk.locator(".desk-queue li", { hasText: code }).getByRole("link").click();
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText(code);
}

test("the desk receives, asks for a supplement and refuses, and the citizen sees each", async ({
  page,
  browser,
  baseURL,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "congdan.b");
  const received = await submitBirthRegistration(page, "Phạm Văn Một");
  const received_url = page.url();
  const supplemented = await submitBirthRegistration(page, "Phạm Văn Hai");
  const supplemented_url = page.url();
  const refused = await submitBirthRegistration(page, "Phạm Văn Ba");
  const refused_url = page.url();

  const desk = await officer(browser, baseURL, javaScriptEnabled);

  await openFromQueue(desk, received);
  await expect(desk.locator(".answers")).toContainText("Phạm Văn Một");
  await desk.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click();
  await expect(desk.locator(".facts .status")).toHaveText("Đã tiếp nhận, đang giải quyết");
  await expect(desk.locator(".facts .due")).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);

  await openFromQueue(desk, supplemented);
  await desk.getByLabel(/cần bổ sung và lý do/).fill("Giấy chứng sinh chụp mờ, không đọc được số.");
  await desk.getByRole("button", { name: "Yêu cầu bổ sung" }).click();
  await expect(desk.locator(".facts .status")).toHaveText("Cần bổ sung hồ sơ");

  await openFromQueue(desk, refused);
  await desk.getByLabel(/lý do từ chối/).fill("Trẻ đã được đăng ký khai sinh tại nơi khác.");
  await desk.getByRole("button", { name: "Từ chối tiếp nhận" }).click();
  await expect(desk.locator(".facts .status")).toHaveText("Từ chối tiếp nhận");

  await page.goto(received_url);
  await expect(page.locator(".facts .status")).toHaveText("Đã tiếp nhận, đang giải quyết");
  await expect(page.locator(".facts .due")).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);

  await page.goto(refused_url);
  await expect(page.locator(".facts")).toContainText("Trẻ đã được đăng ký khai sinh tại nơi khác.");

  await page.goto(supplemented_url);
  await expect(page.locator(".supplement-request")).toContainText("Giấy chứng sinh chụp mờ");
  await page.getByRole("button", { name: "Nộp bổ sung" }).click();
  await expect(page.locator(".facts .status")).toHaveText("Đã nộp, chờ tiếp nhận");
  await expect(page.locator(".dossier-code .code")).toHaveText(supplemented);

  await desk.goto("/can-bo");
  await expect(desk.locator(".desk-queue")).toContainText(supplemented);
  await expect(desk.locator(".desk-queue")).not.toContainText(received);
});
