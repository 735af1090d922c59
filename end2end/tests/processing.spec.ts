import { Browser, expect, Page, test } from "@playwright/test";

import { PDF, signIn, submitBirthRegistration } from "./dossier-steps";

// One birth registration's whole life at Phường Nha Trang: submitted online,
// received by the desk with its appointment date and receipt (Mẫu 01),
// examined by the specialist who uploads the result, approved by the leader,
// returned online by the desk; the citizen follows every step and finds the
// result in their data store.

async function officer(browser: Browser, baseURL: string | undefined, javaScriptEnabled: boolean, login: string) {
  const page = await (await browser.newContext({ baseURL, javaScriptEnabled, locale: "vi-VN" })).newPage();
  await page.goto("/dang-nhap");
  await page.getByRole("link", { name: "Cán bộ đăng nhập" }).click();
  await page.getByLabel("Tên đăng nhập").fill(login);
  await page.getByLabel("Mật khẩu").fill("demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/can-bo$/);
  return page;
}

async function openFromWork(page: Page, code: string) {
  await page.goto("/can-bo");
  await page.locator(".work-queue li", { hasText: code }).first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(code);
}

/// `dd/mm/yyyy` as a date, to compare with today.
function parsed(text: string): Date {
  const [day, month, year] = text.split("/").map(Number);
  return new Date(year, month - 1, day);
}

test("a dossier goes from online submission to its result returned online", async ({
  page,
  browser,
  baseURL,
  javaScriptEnabled,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "congdan.a");
  const code = await submitBirthRegistration(page, "Đỗ Minh Khang");
  const dossier = page.url();

  const desk = await officer(browser, baseURL, javaScriptEnabled, "motcua.y");
  await desk.goto("/can-bo");
  await desk.locator(".desk-queue li", { hasText: code }).getByRole("link").click();
  await desk.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click();
  await expect(desk.locator(".facts .status")).toHaveText("Đã tiếp nhận, đang giải quyết");
  const due = (await desk.locator(".facts .due").textContent()) ?? "";
  expect(due).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  const dueDay = parsed(due);
  expect(dueDay.getTime()).toBeGreaterThan(Date.now() - 86_400_000);
  expect([0, 6]).not.toContain(dueDay.getDay());
  await expect(desk.locator(".estimate")).toContainText(due);
  const receipt = await desk.request.get(
    (await desk.getByRole("link", { name: "Tải PDF" }).first().getAttribute("href")) ?? "",
  );
  expect(receipt.status()).toBe(200);
  expect(receipt.headers()["content-type"]).toBe("application/pdf");
  expect((await receipt.body()).subarray(0, 5).toString()).toBe("%PDF-");

  const specialist = await officer(browser, baseURL, javaScriptEnabled, "chuyenvien.y");
  await openFromWork(specialist, code);
  await specialist
    .getByLabel("Tải lên văn bản kết quả (PDF, JPEG hoặc PNG)")
    .setInputFiles({ name: "trich-luc.pdf", mimeType: "application/pdf", buffer: PDF });
  await specialist.getByRole("button", { name: "Lưu văn bản kết quả" }).click();
  await expect(specialist.locator(".result")).toContainText(`Kết quả giải quyết hồ sơ ${code}`);
  await specialist.getByLabel("Giao cho (không bắt buộc)").selectOption({ label: "Thử Thị Quỳnh" });
  await specialist.getByRole("button", { name: "Chuyển bước tiếp theo" }).click();
  await expect(specialist.locator(".workflow-steps .current")).toContainText("Lãnh đạo phê duyệt");

  const leader = await officer(browser, baseURL, javaScriptEnabled, "lanhdao.y");
  await expect(leader.locator(".work-queue").first()).toContainText(code);
  await openFromWork(leader, code);
  await leader.getByRole("button", { name: "Phê duyệt kết quả" }).click();
  await expect(leader.locator(".facts .status")).toHaveText("Đã có kết quả, chờ trả");

  await openFromWork(desk, code);
  await desk.getByLabel("Trực tuyến, vào kho dữ liệu của người nộp").check();
  await desk.getByRole("button", { name: "Trả kết quả" }).click();
  await expect(desk.locator(".facts .status")).toHaveText("Đã trả kết quả");
  await expect(desk.locator(".outcome")).toHaveText(/^(Trước hạn|Đúng hạn)$/);
  await expect(desk.locator(".control-slip").first()).toContainText("Lãnh đạo phê duyệt");

  await page.goto(dossier);
  await expect(page.locator(".facts .status")).toHaveText("Đã trả kết quả");
  await expect(page.locator(".facts .due")).toHaveText(due);
  await expect(page.locator(".history")).toContainText("Chuyên viên thụ lý, thẩm định");
  await expect(page.locator(".result")).toContainText(`Kết quả giải quyết hồ sơ ${code}`);
  await page.goto("/kho-du-lieu");
  await expect(page.locator("main")).toContainText(`Kết quả giải quyết hồ sơ ${code}`);
  await page.goto("/ho-so-cua-toi");
  await expect(page.locator(".notifications")).toContainText(`Hồ sơ ${code} đã có kết quả trong kho dữ liệu của bạn.`);
});
