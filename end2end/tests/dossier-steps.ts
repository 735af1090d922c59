import { expect, Page } from "@playwright/test";

// Steps shared by the dossier and desk tests.

export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
    "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

export async function signIn(page: Page, username: string) {
  await page.goto("/dang-nhap");
  await page.getByRole("link", { name: "Đăng nhập bằng VNeID" }).click();
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill("demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/ho-so-cua-toi$/);
}

export async function startDossier(page: Page, procedure: string) {
  await page.goto(`/thu-tuc/${procedure}/nop-ho-so`);
  await page.getByRole("button", { name: "Bắt đầu khai hồ sơ mới" }).click();
  await expect(page).toHaveURL(/\/ho-so\/[A-Za-z0-9]+$/);
}

async function address(page: Page, field: string) {
  await page.locator(`#f-${field}-tinh`).selectOption("56");
  await page.locator(`#f-${field}-xa`).selectOption("22366");
}

/// Every required answer of the birth registration except the child's name.
export async function fillBirthRegistration(page: Page) {
  await page.locator("#f-co_quan").selectOption("ubnd-22366");
  await page.locator("#f-dien_thoai").fill("0912345678");
  await address(page, "noi_cu_tru");
  await page.locator("#f-quan_he").selectOption("me");
  await page.locator("#f-tre_ngay_sinh").fill("2026-11-20");
  await page.locator("#f-tre_gioi_tinh-1").check();
  await page.locator("#f-tre_dan_toc").selectOption("kinh");
  await page.locator("#f-tre_quoc_tich").fill("Việt Nam");
  await address(page, "tre_noi_sinh");
  await address(page, "tre_que_quan");
  await page.locator("#f-me_ho_ten").fill("Trần Thị Mẹ");
  await page.locator("#f-me_ngay_sinh").fill("1995-03-02");
  await page.locator("#f-me_quoc_tich").fill("Việt Nam");
  await address(page, "me_noi_cu_tru");
  await page.locator("#f-co_thong_tin_cha-1").check();
  await page.locator("#f-cap_ban_sao-1").check();
  await page.locator("#f-cam_doan").check();
}

/// A complete birth registration submitted to Phường Nha Trang; its code.
export async function submitBirthRegistration(page: Page, child: string): Promise<string> {
  await startDossier(page, "1.001193");
  await fillBirthRegistration(page);
  await page.locator("#f-tre_ho_ten").fill(child);
  await page.locator("#f-giay_chung_sinh-tep").setInputFiles({ name: "cs.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Nộp hồ sơ" }).click();
  const code = page.locator(".dossier-code .code");
  await expect(code).toHaveText(/^22366-\d{6}-\d{4,}$/);
  return (await code.textContent()) ?? "";
}
