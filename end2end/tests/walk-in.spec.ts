import { expect, test } from "@playwright/test";

import { fillBirthRegistration, PDF } from "./dossier-steps";

// A mother without an account brings a birth registration to the desk of
// Phường Nha Trang: the officer registers her by ID number, fills the e-form
// for her, scans the birth certificate, submits and receives it at once.

test("the desk registers a walk-in dossier, fills it for the applicant and receives it", async ({
  page,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  const suffix = javaScriptEnabled ? "1" : "2";
  await page.goto("/dang-nhap");
  await page.getByRole("link", { name: "Cán bộ đăng nhập" }).click();
  await page.getByLabel("Tên đăng nhập").fill("motcua.y");
  await page.getByLabel("Mật khẩu").fill("demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/can-bo$/);

  await page.getByRole("link", { name: "Đăng ký hồ sơ nộp trực tiếp" }).click();
  await page.getByLabel("Mã thủ tục").fill("1.001193");
  await page.getByLabel("Trực tiếp tại Bộ phận Một cửa").check();
  await page.getByLabel("Số định danh cá nhân").fill(`05619000987${suffix}`);
  await page.getByLabel("Họ và tên").fill(`Thử Thị Quầy ${suffix === "1" ? "Một" : "Hai"}`);
  await page.getByLabel("Ngày sinh").fill("1990-05-20");
  await page.getByRole("button", { name: "Đăng ký và khai hồ sơ" }).click();
  await expect(page).toHaveURL(/\/ho-so\/[A-Za-z0-9]+\?dang-ky=/);
  await expect(page.locator("main")).toContainText("chưa có tài khoản");

  await fillBirthRegistration(page);
  await page.locator("#f-tre_ho_ten").fill("Thử Minh Quầy");
  await page.locator("#f-giay_chung_sinh-tep").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Nộp hồ sơ" }).click();
  await expect(page).toHaveURL(/\/can-bo\/ho-so\/[A-Za-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^22366-\d{6}-\d{4,}$/);
  await expect(page.locator(".facts")).toContainText("Trực tiếp tại Bộ phận Một cửa");

  await page.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click();
  await expect(page.locator(".facts .status")).toHaveText("Đã tiếp nhận, đang giải quyết");
  await expect(page.locator(".slips")).toContainText("Mẫu số 01");
});
