import { Browser, expect, Page, test } from "@playwright/test";

// Sign-in through the local OpenID Connect providers (idp/), as a citizen,
// a business representative and officers, each landing on their own home.

async function signIn(page: Page, door: "VNeID" | "officer", username: string) {
  await page.goto("/dang-nhap");
  const button = door === "VNeID" ? "Đăng nhập bằng VNeID" : "Cán bộ đăng nhập";
  await page.getByRole("link", { name: button }).click();
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill("demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

test("a citizen signs in with the e-ID, sees their own home, and signs out", async ({ page }) => {
  await signIn(page, "VNeID", "congdan.a");

  await expect(page).toHaveURL(/\/ho-so-cua-toi$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hồ sơ của tôi");
  await expect(page.locator(".account-who")).toContainText("Thử Văn An");
  await expect(page.locator("body")).not.toContainText("000000000101");

  await page.getByRole("button", { name: "Đăng xuất", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
  await page.goto("/ho-so-cua-toi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cần đăng nhập");
});

test("a business representative acts for the business", async ({ page }) => {
  await signIn(page, "VNeID", "doanhnghiep.1");

  await expect(page).toHaveURL(/\/ho-so-cua-toi$/);
  await expect(page.locator(".account-who")).toContainText("đại diện Công ty TNHH Thử Nghiệm Một Cửa");
});

test("a desk officer signs in at the province's login and sees the agency's work", async ({ page }) => {
  await signIn(page, "officer", "motcua.x");

  await expect(page).toHaveURL(/\/can-bo$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hồ sơ cần xử lý");
  await expect(page.locator("main")).toContainText("Sở Xây dựng");
  await page.goto("/quan-tri");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không có quyền truy cập");
});

test("a callback that no sign-in started is refused in Vietnamese", async ({ page }) => {
  await page.goto("/dang-nhap/cong-dan/xong?code=abc&state=forged");

  await expect(page).toHaveURL(/\/dang-nhap\?loi=phien$/);
  await expect(page.getByRole("alert")).toContainText("Phiên đăng nhập đã hết hạn hoặc không hợp lệ");
  await page.goto("/ho-so-cua-toi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cần đăng nhập");
});

async function newPage(browser: Browser, javaScriptEnabled: boolean, baseURL: string | undefined) {
  const context = await browser.newContext({ javaScriptEnabled, baseURL, locale: "vi-VN" });
  return context.newPage();
}

test.describe("revocation", () => {
  // Revoking is done once: the account stays revoked for the other project.
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled, "runs once, without JavaScript");

  test("a revoked officer is signed out on their next request", async ({ browser, baseURL }) => {
    const officer = await newPage(browser, false, baseURL);
    await signIn(officer, "officer", "bithuhoi");
    await expect(officer).toHaveURL(/\/can-bo$/);

    const admin = await newPage(browser, false, baseURL);
    await signIn(admin, "officer", "quantri.tinh");
    await expect(admin).toHaveURL(/\/quan-tri$/);
    const row = admin.locator('li[data-login="bithuhoi"]');
    await row.getByRole("button", { name: "Thu hồi" }).click();
    await expect(admin.locator('li[data-login="bithuhoi"]')).toContainText("Đã thu hồi");

    await officer.reload();
    await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Cần đăng nhập");
    // The province's login still knows them: it sends them straight back.
    await officer.goto("/dang-nhap");
    await officer.getByRole("link", { name: "Cán bộ đăng nhập" }).click();
    await expect(officer.getByRole("alert")).toContainText("đã bị thu hồi");

    await admin.goto("/quan-tri/nhat-ky?hanh-dong=officer_revoked");
    await expect(admin.locator("table.audit")).toContainText("Thu hồi tài khoản cán bộ");
  });
});
