import { expect, test } from "@playwright/test";

// What only the hydrated app does: navigate in place, without reloading.

test.describe("with JavaScript", () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "hydration needs JavaScript");

  test("the app hydrates without errors and navigates without reloading", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto("/thu-tuc?q=khai+sinh");
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.evaluate(() => ((window as any).__sameDocument = true));

    await page.locator(".result-name").first().click();

    await expect(page.getByRole("heading", { name: "Hồ sơ cần chuẩn bị" })).toBeVisible();
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    expect(errors).toEqual([]);
  });
});
