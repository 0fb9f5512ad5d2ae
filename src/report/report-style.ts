import { fontFamily } from './chart-theme.js';

/**
 * The report's whole stylesheet, inlined in <style>: cards on a light page, system fonts only.
 * Responsive without script: cards flow one to a row below 1,100 px or so, charts scale down to
 * their card (an SVG keeps its aspect ratio), a wide table or the model summary scrolls inside
 * its card, and long names wrap anywhere rather than push the page sideways.
 * NOTE: the model summary's line-height stays under the monospace font's own (1.13 to 1.2 em in
 * the usual ones), so the box-drawing characters of its table touch from one line to the next.
 */
export const reportStyle = `
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#222;font:14px/1.5 ${fontFamily};}
header{background:#1f2937;color:#f9fafb;padding:20px 32px}
header h1{margin:0;font-size:22px;font-weight:600;overflow-wrap:anywhere}
header p{margin:4px 0 0;color:#cbd5e1;font-size:13px;overflow-wrap:anywhere}
main{max-width:1240px;margin:0 auto;padding:20px 24px 40px;display:grid;gap:16px;
  grid-template-columns:repeat(auto-fit,minmax(min(100%,520px),1fr))}
.card{background:#fff;border:1px solid #e2e5e9;border-radius:8px;padding:16px 20px;margin:0;min-width:0;overflow-x:auto}
.wide{grid-column:1/-1}
h2{margin:0 0 10px;font-size:15px;font-weight:600}
h3{margin:14px 0 6px;font-size:13px;font-weight:600;color:#444}
figure.chart svg{display:block;max-width:100%;height:auto;margin:0 auto}
.panels{display:flex;flex-wrap:wrap;justify-content:center;gap:8px 28px}
.panels svg{margin:0!important;min-width:0}
figcaption{margin-top:8px;color:#666;font-size:12.5px}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
table.metrics{width:100%}
table.metrics th,table.metrics td{padding:5px 8px;border-bottom:1px solid #eef0f2;text-align:left}
table.metrics th{font-weight:600;color:#555;font-size:12px;text-transform:uppercase;letter-spacing:.03em}
.num{text-align:right!important}
td.ci{color:#555;white-space:nowrap}
tr.baseline td{color:#6b7280;font-style:italic}
table.facts th{text-align:left;font-weight:500;color:#666;padding:3px 16px 3px 0;vertical-align:top;white-space:nowrap}
table.facts td{padding:3px 0}
table.balance td{padding:2px 8px 2px 0}
td.bar-cell{width:160px}
.bar{display:block;height:10px;background:#4c78a8;border-radius:2px;min-width:1px}
.note{color:#666;font-size:12.5px;margin:8px 0 0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;background:#f1f3f5;
  padding:1px 4px;border-radius:3px;overflow-wrap:anywhere}
pre.summary{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;line-height:1.1;
  background:#f8f9fa;border:1px solid #eceef0;border-radius:6px;padding:10px;overflow-x:auto;margin:10px 0 0}
details summary{cursor:pointer;margin-top:12px;color:#444}
.features{line-height:2}
ul.warnings{list-style:none;margin:0;padding:0}
ul.warnings li{border-left:4px solid #9ca3af;background:#f9fafb;padding:8px 12px;margin:0 0 8px;border-radius:0 6px 6px 0}
ul.warnings li p{margin:4px 0 0;white-space:pre-line;overflow-wrap:anywhere}
ul.warnings code{margin-left:8px}
.badge{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;
  padding:1px 7px;border-radius:10px;color:#fff;background:#6b7280}
li.severity-error{border-left-color:#dc2626;background:#fef2f2}
li.severity-error .badge{background:#dc2626}
li.severity-warning{border-left-color:#d97706;background:#fffbeb}
li.severity-warning .badge{background:#d97706}
li.severity-info{border-left-color:#2563eb;background:#eff6ff}
li.severity-info .badge{background:#2563eb}
footer{text-align:center;color:#888;font-size:12px;padding:0 0 24px}
@media (max-width:600px){
  header{padding:14px 16px}
  header h1{font-size:19px}
  main{padding:12px 8px 28px;gap:12px}
  .card{padding:12px}
  table.metrics th,table.metrics td{padding:5px 4px}
  td.bar-cell{width:90px}
}
`;
