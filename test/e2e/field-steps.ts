import type { Browser, Page } from 'playwright-core';

/** Steps of the field app (web/src/field) as an inspector takes them, shared by the journey, the screenshots and the bench. */

/** A JPEG of `width`×`height` made by Chromium's own encoder: a gradient with text, like a photo of a wall. */
export async function makeJpeg(browser: Browser, width: number, height: number, quality = 0.92): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    // Runs in the page (the Node side has no DOM types): a canvas painted and encoded as JPEG, returned as base64.
    const base64 = (await page.evaluate(`(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = ${width};
      canvas.height = ${height};
      const ctx = canvas.getContext('2d');
      const gradient = ctx.createLinearGradient(0, 0, ${width}, ${height});
      gradient.addColorStop(0, '#8a6f4e');
      gradient.addColorStop(0.5, '#d9cbb3');
      gradient.addColorStop(1, '#3c4a5c');
      ctx.fillStyle = gradient;
      ctx.fillRect(0, 0, ${width}, ${height});
      // Noise, so the JPEG is as hard to compress as a real photo.
      for (let y = 0; y < ${height}; y += 8) {
        for (let x = 0; x < ${width}; x += 8) {
          const v = Math.abs((Math.sin(x * 12.9898 + y * 78.233) * 43758.5453) % 1);
          ctx.fillStyle = 'rgba(' + ((v * 255) | 0) + ',' + ((v * 180) | 0) + ',' + ((v * 90) | 0) + ',0.25)';
          ctx.fillRect(x, y, 8, 8);
        }
      }
      ctx.fillStyle = '#fff';
      ctx.font = Math.round(${height} / 10) + 'px sans-serif';
      ctx.fillText('安全出口', ${width} / 8, ${height} / 2);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', ${quality}));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    })()`)) as string;
    return Buffer.from(base64, 'base64');
  } finally {
    await page.close();
  }
}

export async function logInField(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/field/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '我的任务' }).waitFor();
}

export const lineOf = (page: Page, index: number) => page.getByRole('article', { name: new RegExp(`^第 ${index} 项 `) });

export async function chooseResult(page: Page, index: number, result: '符合' | '不符合' | '不适用' | '未查'): Promise<void> {
  await lineOf(page, index).getByRole('radio', { name: result, exact: true }).click();
}

export async function describeHazard(page: Page, index: number, hazard: { description: string; location: string; fixed: boolean }): Promise<void> {
  const line = lineOf(page, index);
  await line.getByLabel('隐患描述').fill(hazard.description);
  await line.getByLabel('隐患部位').fill(hazard.location);
  await line.getByRole('radio', { name: hazard.fixed ? '已当场改正' : '未当场改正' }).click();
}

/** Takes a photo on a line (the camera input receives the file) and waits for its thumbnail. */
export async function addLinePhoto(page: Page, index: number, jpeg: Buffer, name = 'IMG_0001.jpg'): Promise<void> {
  const line = lineOf(page, index);
  const before = await line.locator('.photo img').count();
  await line.getByLabel(/现场照片：拍照$/).setInputFiles({ name, mimeType: 'image/jpeg', buffer: jpeg });
  await line.locator('.photo img').nth(before).waitFor({ timeout: 30_000 });
}

/** How each signer's hand moves: different people make different images (the same image would be one stored file). */
const STROKE = { 主办: 0.25, 协办: 0.18, 被检查单位: 0.32 } as const;

/** Draws a signature with the mouse on the pad labelled `${who}签名区` and confirms it. */
export async function drawSignature(page: Page, who: '主办' | '协办' | '被检查单位'): Promise<void> {
  const canvas = page.getByRole('img', { name: `${who}签名区` });
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(box.x + box.width * (0.15 + i * 0.055), box.y + box.height * (0.6 + STROKE[who] * Math.sin(i)), { steps: 2 });
  }
  await page.mouse.up();
  await page.getByRole('button', { name: `确认${who}签名` }).click();
}

/** The elements wider than the phone's screen (a page a thumb could pan sideways), as 'tag.class (right edge)'. */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1 && getComputedStyle(el).position !== 'fixed') out.push(el.tagName.toLowerCase() + '.' + String(el.className).split(' ').join('.') + ' (' + Math.round(r.right) + ')');
    }
    return out.slice(0, 10);
  })()`);
}
