import { expect, test } from "@playwright/test";

import { PDF, fillBirthRegistration, signIn, startDossier } from "./dossier-steps";

// Online submission from a phone: the birth registration's e-form with a
// mistake and its fix, a PDF upload, the dossier code, public tracking, and
// reuse of stored documents (by the same citizen, and across a business's
// representatives).

test("a citizen files a birth registration, fixes a mistake, submits once and tracks it", async ({
  page,
  javaScriptEnabled,
}) => {
  await signIn(page, "congdan.a");
  await startDossier(page, "1.001193");
  await expect(page.locator("#f-ho_ten")).toHaveValue("Thử Văn An");
  await expect(page.locator("#f-ho_ten")).toHaveAttribute("readonly", "");

  if (javaScriptEnabled) {
    // The browser runs the same check as the server as soon as the field is left.
    await page.locator("#f-dien_thoai").fill("12345");
    await page.locator("#f-dien_thoai").blur();
    await expect(page.locator("#f-dien_thoai-loi")).toContainText("Số điện thoại không hợp lệ");

    // The draft saves itself when typing stops; a reload finds the answer.
    await page.locator("#f-me_ho_ten").fill("Tự Lưu Nháp");
    await expect(page.locator(".autosave")).toHaveText("Đã tự động lưu bản nháp.");
    await page.reload();
    await expect(page.locator("#f-me_ho_ten")).toHaveValue("Tự Lưu Nháp");
  }

  await fillBirthRegistration(page);
  await page.getByRole("button", { name: "Nộp hồ sơ" }).click();

  await expect(page).toHaveURL(/kiem-tra=1/);
  const summary = page.locator(".problem-summary");
  await expect(summary).toContainText("Vui lòng nhập họ, chữ đệm, tên");
  await expect(summary).toContainText("Vui lòng đính kèm giấy chứng sinh");
  await expect(page.locator("#f-me_ho_ten")).toHaveValue("Trần Thị Mẹ");
  await expect(page.locator("#f-noi_cu_tru-xa")).toHaveValue("22366");

  await page.locator("#f-tre_ho_ten").fill("Nguyễn Thị Bé");
  await page.locator("#f-giay_chung_sinh-tep").setInputFiles({
    name: "giay-chung-sinh.pdf",
    mimeType: "application/pdf",
    buffer: PDF,
  });
  await page.getByRole("button", { name: "Nộp hồ sơ" }).click();

  const code = page.locator(".dossier-code .code");
  await expect(code).toHaveText(/^22366-\d{6}-\d{4,}$/);
  await expect(page.locator(".facts .status")).toHaveText("Đã nộp, chờ tiếp nhận");
  await expect(page.locator(".documents")).toContainText("Giấy chứng sinh");
  const dossierCode = (await code.textContent()) ?? "";
  const secret = (await page.locator(".secret").textContent()) ?? "";

  const tracker = await page.context().browser()!.newPage({ javaScriptEnabled, locale: "vi-VN" });
  await tracker.goto(page.url().replace(/\/ho-so\/.*$/, "/tra-cuu"));
  await tracker.getByLabel("Mã hồ sơ").fill(dossierCode);
  await tracker.getByLabel("Mã tra cứu").fill(secret.toLowerCase());
  await tracker.getByRole("button", { name: "Tra cứu" }).click();
  await expect(tracker.locator(".tracking-result")).toContainText(dossierCode);
  await expect(tracker.locator(".tracking-result dd.status")).toHaveText("Đã nộp, chờ tiếp nhận");
  await expect(tracker.locator("main")).not.toContainText("Nguyễn Thị Bé");
  await tracker.close();

  await page.goto("/ho-so-cua-toi");
  await expect(page.locator(".dossier-list")).toContainText(dossierCode);

  // A second dossier offers the stored birth certificate; picking it links
  // the same document without uploading it again.
  await startDossier(page, "1.001193");
  const slot = page.locator("#f-giay_chung_sinh");
  await expect(slot.locator(".offers")).toContainText("Giấy chứng sinh");
  await slot.locator(".offers input[type=radio]").first().check();
  await page.getByRole("button", { name: "Lưu nháp" }).last().click();
  await expect(page.locator("#f-giay_chung_sinh .attached")).toContainText("Giấy chứng sinh");

  await page.goto("/kho-du-lieu");
  await expect(page.locator(".store-list")).toContainText(dossierCode);
});

test("a business representative reuses a document another representative uploaded", async ({ browser, baseURL, javaScriptEnabled }) => {
  const first = await (await browser.newContext({ baseURL, javaScriptEnabled, locale: "vi-VN" })).newPage();
  await signIn(first, "doanhnghiep.1");
  await startDossier(first, "2.001610");
  const firstSlot = first.locator(".document-slot").first();
  const title = (await firstSlot.locator(".document-label").textContent())?.replace("*", "").trim() ?? "";
  await firstSlot.locator("input[type=file]").setInputFiles({ name: "giay-to.pdf", mimeType: "application/pdf", buffer: PDF });
  await first.getByRole("button", { name: "Lưu nháp" }).last().click();
  await expect(first.locator(".document-slot").first().locator(".attached")).toBeVisible();

  const second = await (await browser.newContext({ baseURL, javaScriptEnabled, locale: "vi-VN" })).newPage();
  await signIn(second, "doanhnghiep.2");
  await startDossier(second, "2.001610");
  const secondSlot = second.locator(".document-slot").first();
  await expect(secondSlot.locator(".offers")).toContainText(title.slice(0, 20));
  await secondSlot.locator(".offers input[type=radio]").first().check();
  await second.getByRole("button", { name: "Lưu nháp" }).last().click();
  await expect(second.locator(".document-slot").first().locator(".attached")).toBeVisible();
});
