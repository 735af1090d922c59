import { expect, test } from "@playwright/test";

// The province administrator keeps the agencies' departments and sees the
// working hours deadlines are counted with.

test("the province administrator adds and renames a department of a commune", async ({ page, javaScriptEnabled }) => {
  const name = javaScriptEnabled ? "Phòng Văn hóa - Xã hội Thử" : "Phòng Kinh tế Thử";
  await page.goto("/dang-nhap");
  await page.getByRole("link", { name: "Cán bộ đăng nhập" }).click();
  await page.getByLabel("Tên đăng nhập").fill("quantri.tinh");
  await page.getByLabel("Mật khẩu").fill("demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/quan-tri$/);

  await page.getByRole("link", { name: "Phòng ban" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cơ quan và phòng ban");
  await page.getByRole("link", { name: "Phường Nha Trang" }).click();
  await expect(page.getByRole("heading", { level: 2 })).toContainText("Phường Nha Trang");
  await page.getByLabel("Tên phòng ban").fill(name);
  await page.getByRole("button", { name: "Thêm", exact: true }).click();
  const row = page.locator("li.department", { hasText: name });
  await expect(row).toContainText("0 cán bộ");

  await page.getByLabel("Tên phòng ban").fill(name);
  await page.getByRole("button", { name: "Thêm", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText(`Cơ quan đã có phòng ban tên “${name}”`);

  await row.getByText("Đổi tên").click();
  await row.getByLabel("Tên mới").fill(`${name} mới`);
  await row.getByRole("button", { name: "Lưu tên" }).click();
  await expect(page.locator("li.department", { hasText: `${name} mới` })).toBeVisible();

  await page.goto("/quan-tri/lich");
  await expect(page.getByRole("heading", { name: "Giờ làm việc" })).toBeVisible();
  await expect(page.locator('input[name="morning_start"]')).toHaveValue("07:30");
  await expect(page.locator('input[name="afternoon_end"]')).toHaveValue("17:00");
});
