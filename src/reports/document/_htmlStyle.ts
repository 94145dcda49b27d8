/**
 * The one stylesheet of an HTML report, inlined so the file is self-contained (no fonts, images
 * or scripts to fetch). The font stack lists the common Simplified Chinese system fonts before the
 * generic family, so Chinese text does not fall back to a serif or a Japanese face. Status colours
 * always come with the status text, and `print-color-adjust` keeps them on paper.
 */
export const HTML_STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0;
  padding: 24px;
  color: #1f2328;
  background: #ffffff;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif;
  font-size: 14px;
  line-height: 1.5;
}
main { max-width: 1040px; margin: 0 auto; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #d0d7de; }
.subtitle { margin: 0 0 12px; color: #57606a; font-size: 16px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
dt { font-weight: 600; color: #57606a; }
dd { margin: 0; }
ul { margin: 8px 0; padding-left: 20px; }
p.empty { color: #57606a; font-style: italic; }
table { width: 100%; border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 8px; border: 1px solid #d0d7de; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f6f8fa; font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: 600; background: #f6f8fa; }
tr.status-warning td { background: #fff8c5; }
tr.status-critical td { background: #ffebe9; }
.badge { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge-ok { color: #116329; background: #dafbe1; border: 1px solid #4ac26b; }
.badge-warning { color: #7d4e00; background: #fff1b3; border: 1px solid #d4a72c; }
.badge-critical { color: #a40e26; background: #ffd8d3; border: 1px solid #ff8182; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { padding: 0; font-size: 10.5pt; }
  main { max-width: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table { break-inside: auto; }
  thead { display: table-header-group; }
  tr, dl, li { break-inside: avoid; page-break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
