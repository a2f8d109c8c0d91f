import { demo, SAMPLE_WORKBOOK } from "../src/cli/demo";
import { shownValue } from "../src/core/report/sheetModel";
it("peek", async () => {
  const r = await demo({ input: SAMPLE_WORKBOOK, output: "/tmp/h7demo.xlsx", runDate: "2025-01-02", contractDv01: 80, target: 5 });
  if (!r.ok) throw new Error("fail");
  const sh = r.sheets[0];
  sh.rows.slice(0, 75).forEach((row, i) => console.log(i, row.slice(0, 8).map((c) => { const v = shownValue(c); return typeof v === "number" ? +v.toPrecision(6) : v; }).join(" | ").slice(0, 220)));
  console.log(JSON.stringify(sh.charts?.map(c => [c.title, c.series, c.anchor])));
  const labels = sh.rows.map(r => shownValue(r[0]));
  const i = labels.findIndex(l => String(l).startsWith("By rating"));
  sh.rows.slice(i - 12, i + 30).forEach((row, k) => console.log(i - 12 + k, row.slice(0, 9).map((c) => { const v = shownValue(c); return typeof v === "number" ? +v.toPrecision(6) : v; }).join(" | ").slice(0, 200)));
}, 120000);
