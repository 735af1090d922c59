import { expect, test } from "@playwright/test";

// Runs twice (see playwright.config.ts): hydrated, and with JavaScript off,
// where every form and link must work as plain HTML.

test("search without diacritics finds marriage registration and opens it", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bạn cần làm thủ tục gì?");

  await page.getByRole("searchbox", { name: "Tên thủ tục hoặc từ khóa" }).fill("dang ky ket hon");
  await page.getByRole("button", { name: "Tìm kiếm" }).click();

  await expect(page).toHaveURL(/\/thu-tuc\?q=dang\+ky\+ket\+hon$/);
  const first = page.locator(".result").first();
  await expect(first.locator(".result-name")).toHaveText("Thủ tục đăng ký kết hôn");
  await expect(first.locator("mark").first()).toHaveText("đăng");

  await first.locator(".result-name").click();

  await expect(page).toHaveURL(/\/thu-tuc\/1\.000894$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thủ tục đăng ký kết hôn");
  await expect(page.getByRole("heading", { name: "Hồ sơ cần chuẩn bị" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Thời hạn giải quyết, phí và lệ phí" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Căn cứ pháp lý" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Nộp hồ sơ trực tuyến" })).toBeVisible();
  await expect(page).toHaveTitle("Thủ tục đăng ký kết hôn | Cổng Dịch vụ công");
});

test("upper-case search with diacritics finds the same procedure", async ({ page }) => {
  await page.goto("/thu-tuc?q=%C4%90%C4%82NG+K%C3%9D+K%E1%BA%BET+H%C3%94N");

  await expect(page.locator(".result-name").first()).toHaveText("Thủ tục đăng ký kết hôn");
});

test("filters combine and show as removable chips", async ({ page }) => {
  await page.goto("/thu-tuc?q=dang+ky");
  await page.locator(".filters summary").click();
  await page.getByLabel("Cấp thực hiện").selectOption("xa");
  await page.getByLabel("Mức độ trực tuyến").selectOption("mot-phan");

  await page.getByRole("button", { name: "Áp dụng bộ lọc" }).click();

  await expect(page).toHaveURL(/cap=xa/);
  await expect(page).toHaveURL(/muc-do=mot-phan/);
  await expect(page.locator(".active-filters a")).toHaveCount(2);
  const badges = page.locator(".result .badge");
  await expect(badges.first()).toHaveText("Trực tuyến một phần");
  for (const badge of await badges.all()) {
    await expect(badge).toHaveText("Trực tuyến một phần");
  }

  await page.locator(".active-filters a", { hasText: "Cấp xã" }).click();

  await expect(page).not.toHaveURL(/cap=xa/);
  await expect(page.locator(".active-filters a")).toHaveCount(1);
});

test("results page forward and back", async ({ page }) => {
  await page.goto("/thu-tuc?q=giay+phep");
  const firstOnPageOne = await page.locator(".result-name").first().textContent();

  await page.getByRole("link", { name: "Trang sau ›" }).click();

  await expect(page).toHaveURL(/trang=2/);
  await expect(page.locator(".pager-position")).toContainText("Trang 2/");
  await expect(page.locator(".result-name").first()).not.toHaveText(firstOnPageOne ?? "");
});

test("home page ways in lead to filtered results", async ({ page }) => {
  await page.goto("/");

  await page.getByRole("link", { name: /Trực tuyến toàn trình/ }).click();

  await expect(page).toHaveURL(/muc-do=toan-trinh/);
  await expect(page.locator(".result").first()).toBeVisible();
  await expect(page.locator(".result .badge").first()).toHaveText("Trực tuyến toàn trình");
});

test("an unknown procedure answers 404 in Vietnamese", async ({ page }) => {
  const response = await page.goto("/thu-tuc/9.999999");

  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy");
});

test("an unknown address answers 404 in Vietnamese", async ({ page }) => {
  const response = await page.goto("/khong-co-trang-nay");

  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
});

test("pages fit a phone's width", async ({ page }) => {
  const filtered = "/thu-tuc?q=giay+phep&cap=tinh&muc-do=toan-trinh&doi-tuong=doanh-nghiep";
  for (const url of ["/", "/thu-tuc?q=dat+dai", filtered, "/thu-tuc/1.000894"]) {
    await page.goto(url);

    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
});
