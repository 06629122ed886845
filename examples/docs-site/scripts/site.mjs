// What the browser test and the screenshot script share: building the site with VitePress's own
// CLI (as `npm run docs:build` does), serving the built folder on a loopback port and starting
// Debian's Chromium through playwright-core. Plain ESM so that `node scripts/screenshot.mjs` runs
// it without a TypeScript step; the test imports it as is.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import sirv from "sirv";

/** This workspace's folder (`examples/docs-site`). */
export const siteRoot = fileURLToPath(new URL("..", import.meta.url));

/** Where Debian's `chromium` package puts the browser (`scripts/install-chromium.sh` installs it). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The flags Chromium needs on a machine whose only network is loopback and the package
 * registries: without the background-networking ones it keeps trying Google's hosts. Playwright
 * adds --headless, --no-sandbox (it runs as root in CI) and a fresh --user-data-dir itself.
 */
export const chromiumArgs = [
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Runs `vitepress build` on a site folder (this one, or the same folder in a copy of the project),
 * writing to `outDir`. Rejects with VitePress's output when the build fails (a dead link does).
 * @param {{ root?: string, outDir: string }} options
 * @returns {Promise<void>}
 */
export function buildSite({ root = siteRoot, outDir }) {
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve("vitepress/package.json")), "bin", "vitepress.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "build", root, "--outDir", outDir], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`vitepress build ${root} exited ${code}:\n${output}`))));
  });
}

/**
 * Serves a built site on 127.0.0.1 at a port the system picks, as a static host would: files as
 * they are, and 404 (with the site's 404 page) for anything else.
 * @param {string} dir the built site (`outDir` of buildSite)
 * @returns {Promise<{ url: string, close: () => Promise<void> }>} `url` ends with `/`
 */
export async function serveSite(dir) {
  const files = sirv(dir, { dev: false, etag: true });
  const notFound = readFileSync(path.join(dir, "404.html"));
  const server = createServer((req, res) =>
    files(req, res, () => {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      res.end(notFound);
    }),
  );
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the site server has no TCP address");
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Whether Debian's Chromium is installed where `launchChromium` looks for it. */
export const hasChromium = () => existsSync(chromiumPath);

/**
 * Starts headless Chromium from the system's package (never a browser Playwright downloads).
 * @returns {Promise<import("playwright-core").Browser>}
 */
export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/** The window the test and the screenshot use: wide enough that VitePress shows its sidebar. */
export const viewport = { width: 1280, height: 800 };

/**
 * Writes a PNG of the whole page at `url`, in the light colour scheme, once its fonts are loaded.
 * @param {import("playwright-core").Browser} browser
 * @param {string} url
 * @param {string} file
 * @returns {Promise<void>}
 */
export async function screenshotPage(browser, url, file) {
  const context = await browser.newContext({ viewport, colorScheme: "light", deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    // The window made as tall as the page rather than a full-page capture, in which VitePress's
    // fixed sidebar would stop at the first screen's height.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: viewport.width, height });
    await page.screenshot({ path: file, animations: "disabled" });
  } finally {
    await context.close();
  }
}
