/**
 * The task pane fits Excel's narrowest task pane, 320 px: the playground's pane frame is set to
 * 320 px and on every wizard step (Holdings before and after the check, with the "more fields"
 * list open, then Curve, Target, Instruments, Scenarios and Write, before and after writing) the
 * pane's page has no horizontal overflow (scrollWidth ≤ clientWidth) and no visible element reaches
 * past its right edge. Each step leaves a PNG of the pane in test-results/browser/.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FrameLocator } from "playwright-core";
import { buildDevelopment } from "./webpackBuild";
import { serveStatic, StaticServer } from "./staticServer";
import {
  browserSuite,
  fill,
  nextTo,
  openSession,
  sampleInputs,
  SampleInputs,
  SHOTS,
} from "./session";

jest.setTimeout(600_000);

/** Excel's narrowest task pane, in CSS pixels. */
const PANE_PX = 320;

/** The pane page's widths and the visible elements reaching past its right edge. */
function overflow(pane: FrameLocator) {
  return pane.locator("body").evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const past = [...document.querySelectorAll("body *")]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return box.width > 0 && style.visibility !== "hidden" && box.right > width + 0.5;
      })
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}#${el.id}.${el.className} right=${el.getBoundingClientRect().right}`
      )
      .slice(0, 10);
    return { scrollWidth: root.scrollWidth, clientWidth: width, past };
  });
}

browserSuite("the task pane at 320 px", () => {
  let outDir: string;
  let server: StaticServer;
  let inputs: SampleInputs;

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyrate-width-"));
    [, inputs] = await Promise.all([buildDevelopment(outDir), sampleInputs()]);
    server = await serveStatic(outDir);
  });

  afterAll(async () => {
    await server?.close();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  test("no step overflows the pane's width", async () => {
    const { close, page, pane, errors } = await openSession(
      `${server.url}playground.html`,
      "width"
    );
    const seen: Record<string, { scrollWidth: number; clientWidth: number; past: string[] }> = {};
    const check = async (step: string) => {
      // Fluent's components render in the next frames.
      await page.waitForTimeout(300);
      seen[step] = await overflow(pane);
      await page
        .locator("#kr-pane")
        .screenshot({ path: path.join(SHOTS, `width-${Object.keys(seen).length}-${step}.png`) });
    };
    try {
      await page.evaluate((px) => {
        const frame = document.querySelector("#kr-pane") as HTMLElement;
        frame.style.boxSizing = "content-box";
        frame.style.width = `${px}px`;
      }, PANE_PX);
      await pane.locator("body").evaluate(async (_, px) => {
        while (window.innerWidth !== px) await new Promise((r) => setTimeout(r, 50));
      }, PANE_PX);
      await check("holdings");
      await page.click("#pg-select-holdings");
      await fill(pane, "kr-settlement", inputs.settlement);
      await pane.locator("#kr-check").click();
      await pane.locator("#kr-mapping-table").waitFor();
      await check("holdings-checked");
      const more = pane.locator("#kr-mapping details summary");
      if (await more.count()) {
        await more.click();
        await check("holdings-more-fields");
      }
      await nextTo(pane, "Curve");
      await check("curve");
      await nextTo(pane, "Target");
      await fill(pane, "kr-target", inputs.target);
      await check("target");
      await nextTo(pane, "Instruments");
      await fill(pane, "kr-contract-dv01", inputs.contractDv01);
      await check("instruments");
      await nextTo(pane, "Scenarios");
      await check("scenarios");
      await nextTo(pane, "Write");
      await check("write");
      await pane.locator("#kr-run").click();
      await pane.locator("#kr-status").filter({ hasText: "Wrote" }).waitFor({ timeout: 300_000 });
      await check("written");
      // Every step measured, at the pane's width (less a scroll bar at most); none overflows.
      expect(Object.keys(seen)).toHaveLength(9);
      for (const m of Object.values(seen)) expect(m.clientWidth).toBeGreaterThan(PANE_PX - 20);
      const over = Object.entries(seen).filter(
        ([, m]) => m.scrollWidth > m.clientWidth || m.past.length > 0
      );
      expect(over).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
