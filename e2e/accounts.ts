// Signing up and logging in through the real forms, shared by the browser journeys.
import type { Page } from "playwright-core";

export const PASSWORD = "correct horse battery";

export async function signUp(page: Page, base: string, email: string, role: "buyer" | "seller") {
  await page.goto(`${base}/signup`);
  await page.fill("#email", email);
  await page.fill("#password", PASSWORD);
  await page.fill("#displayName", email.split("@")[0]!);
  await page.check(`input[name=role][value=${role}]`);
  if (role === "seller") await page.selectOption("#sellerKind", "private");
  await Promise.all([page.waitForNavigation(), page.click("form[action='/signup'] button[type=submit]")]);
}

export async function logIn(page: Page, base: string, email: string, password = PASSWORD) {
  await page.goto(`${base}/login`);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await Promise.all([page.waitForNavigation(), page.click("form[action='/login'] button[type=submit]")]);
}
