#!/usr/bin/env node
// Builds the site, serves it on loopback and writes what the ConnectorWithStatus page looks like
// in headless Chromium to screenshot.png (the picture the root README shows). Run it with
// `npm run screenshot -w @contracts/docs-site` after a change to the site or the pages, and
// commit the result. The browser test writes the same picture to test-output/ on every run.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildSite, chromiumPath, hasChromium, launchChromium, screenshotPage, serveSite, siteRoot } from "./site.mjs";

if (!hasChromium()) {
  process.stderr.write(`screenshot: no Chromium at ${chromiumPath}; run scripts/install-chromium.sh first\n`);
  process.exit(1);
}
const outDir = await mkdtemp(path.join(os.tmpdir(), "docs-site-"));
try {
  await buildSite({ outDir });
  const site = await serveSite(outDir);
  const browser = await launchChromium();
  try {
    const file = path.join(siteRoot, "screenshot.png");
    await screenshotPage(browser, new URL("ConnectorWithStatus.html", site.url).href, file);
    process.stdout.write(`screenshot: wrote ${path.relative(process.cwd(), file)}\n`);
  } finally {
    await browser.close();
    await site.close();
  }
} finally {
  await rm(outDir, { recursive: true, force: true });
}
