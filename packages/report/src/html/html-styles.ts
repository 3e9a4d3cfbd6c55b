import { COLOUR_CLASSES } from './service-colours.ts';

// Inline because the report must work offline from one file; system fonts only, for the same reason.
export const HTML_STYLES = `
:root {
  --ink: #1d2430; --muted: #5b6472; --line: #d8dde5; --paper: #ffffff; --panel: #f6f8fa; --accent: #0b5cad;
  --hit: #fff3bf; color-scheme: light;
}
* { box-sizing: border-box; }
html { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--paper); }
body { margin: 0; }
header.page, main { max-width: 1400px; margin: 0 auto; padding: 0 24px; }
header.page { padding-top: 24px; }
h1 { font-size: 1.8rem; margin: 0 0 4px; }
h2 { font-size: 1.35rem; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.15rem; margin: 20px 0 6px; }
h4 { font-size: 0.95rem; margin: 16px 0 4px; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); }
code { font: 0.86em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
a { color: var(--accent); }
.provenance, .hint, .none, .legend { color: var(--muted); }
.legend { font-size: 0.85rem; margin: 6px 0 0; }
.hint { margin: 0 0 12px; }
.none { font-style: italic; }
.overview { font-size: 1.05rem; }
.metric-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 12px; margin: 12px 0; }
.metric { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: var(--panel); }
.metric dt { font-weight: 600; }
.metric dd { margin: 0; }
.metric-value { font-size: 1.6rem; font-variant-numeric: tabular-nums; }
.metric-meaning { color: var(--muted); font-size: 0.9rem; }
.map-tools { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; justify-content: space-between; margin-bottom: 8px; }
.search { position: relative; flex: 1 1 320px; max-width: 560px; }
.search label { display: block; font-weight: 600; margin-bottom: 2px; }
.search input { width: 100%; font: inherit; padding: 6px 10px; border: 1px solid #9aa4b2; border-radius: 6px; }
#search-results { position: absolute; z-index: 10; left: 0; right: 0; margin: 2px 0 0; padding: 4px 0; list-style: none; background: var(--paper);
  border: 1px solid #9aa4b2; border-radius: 6px; box-shadow: 0 6px 18px rgba(0, 0, 0, 0.12); max-height: 320px; overflow: auto; }
#search-results li { padding: 4px 10px; cursor: pointer; display: flex; gap: 8px; align-items: baseline; }
#search-results li[aria-selected="true"], #search-results li:hover { background: #e8f0fb; }
#search-results .in-service { margin-left: auto; color: var(--muted); font-size: 0.85rem; white-space: nowrap; }
.search-status { margin: 2px 0 0; min-height: 1.2em; font-size: 0.85rem; color: var(--muted); }
.zoom { display: flex; gap: 4px; align-self: flex-end; margin-bottom: 1.4em; }
button { font: inherit; }
.zoom button { min-width: 2.4em; padding: 4px 10px; border: 1px solid #9aa4b2; border-radius: 6px; background: var(--paper); cursor: pointer; }
.zoom button:hover { background: var(--panel); }
.map-layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(320px, 2fr); gap: 16px; align-items: start; }
.map { position: relative; height: 560px; border: 1px solid var(--line); border-radius: 8px; background: #fbfcfd; overflow: hidden; }
.map-message { padding: 16px; color: var(--muted); }
.cards h2 { margin-top: 0; }
.js .cards { max-height: 560px; overflow: auto; border: 1px solid var(--line); border-radius: 8px; padding: 0 14px 14px; }
.js .cards h2 { position: sticky; top: 0; z-index: 2; background: var(--paper); padding-top: 10px; margin-top: 0; }
/* The open card's name stays in view under the panel's heading (cards.ts sets its height), so a found row deep in a
   long card still says whose it is. */
.js .card.open > h3 { position: sticky; top: var(--cards-heading, 46px); z-index: 1; background: var(--paper); margin-top: 0; padding-top: 8px; }
.js .card:not(.open) { display: none; }
/* A big plan's page has thousands of rows and cards below the map: lay them out only when scrolled to. */
main > section:not(#map-section), .card { content-visibility: auto; contain-intrinsic-size: auto 600px; }
/* The open card is the one the panel scrolls within: laid out whole, or a found row's place is only a guess. */
.js .card.open { content-visibility: visible; }
.js .cards:has(.card.open) .cards-hint { display: none; }
.card { border-left: 6px solid var(--service-colour, #5f6b7a); padding: 2px 0 8px 14px; margin: 16px 0; }
.card h3 { margin-top: 8px; display: flex; align-items: center; gap: 8px; }
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--accent); }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 50%; background: var(--service-colour, #5f6b7a); flex: none; }
.card-facts { margin: 0; color: var(--muted); }
.card-metrics { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 8px; margin: 10px 0; }
.card-metrics div { background: var(--panel); border-radius: 6px; padding: 4px 8px; }
.card-metrics dt { font-size: 0.8rem; color: var(--muted); }
.card-metrics dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.service-ref { text-decoration: none; border-bottom: 2px solid var(--service-colour, #9aa4b2); color: var(--ink); }
.service-ref:hover { background: var(--panel); }
.weighted, .cycles, .paths { margin: 0; padding-left: 20px; }
.weight { color: var(--muted); font-size: 0.85rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
thead th { background: var(--panel); font-weight: 600; white-space: nowrap; }
tbody th { font-weight: normal; }
.num { text-align: right; }
button.sort { border: 0; background: none; padding: 0; font-weight: 600; cursor: pointer; color: inherit; text-align: inherit; }
/* The arrows are decoration: aria-sort already tells assistive technology, so their alt text is empty
   (browsers without the "/ alt" syntax keep the first declaration). */
button.sort::after { content: " ↕"; content: " ↕" / ""; color: #9aa4b2; }
th[aria-sort="ascending"] button.sort::after { content: " ↑"; content: " ↑" / ""; color: var(--ink); }
th[aria-sort="descending"] button.sort::after { content: " ↓"; content: " ↓" / ""; color: var(--ink); }
tr.hit td, tr.hit th { background: var(--hit); }
tr.selected th, tr.selected td { background: #eef4fc; }
.effort { display: inline-block; min-width: 2.2em; text-align: center; border-radius: 4px; padding: 0 6px; font-weight: 600; background: var(--panel); border: 1px solid var(--line); }
.better { color: #1a7f37; } .worse { color: #b42318; }
.score { color: var(--muted); font-size: 0.85rem; }
.tag, .review { display: inline-block; font-size: 0.75rem; padding: 0 5px; border-radius: 4px; border: 1px solid var(--line); color: var(--muted); }
.review { border-color: #e0a800; color: #7a5a00; background: #fff8e1; }
.formula { margin-top: 8px; color: var(--muted); }
.formula pre { font-size: 0.85rem; background: var(--panel); padding: 8px 12px; border-radius: 6px; overflow-x: auto; }
.facts { padding-left: 20px; }
footer.page { max-width: 1400px; margin: 40px auto 24px; padding: 0 24px; color: var(--muted); font-size: 0.85rem; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
@media (max-width: 900px) {
  .map-layout { grid-template-columns: 1fr; }
  .card-metrics { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
@media print {
  html { font-size: 11pt; }
  .map-tools, .map, .hint, #map-heading { display: none !important; }
  .map-layout { display: block; }
  .js .cards { max-height: none; overflow: visible; border: 0; padding: 0; }
  .js .cards h2, .js .card.open > h3 { position: static; }
  .card:focus-visible { outline: none; }
  .scroll { overflow: visible; }
  table { font-size: 9pt; }
  th, td { padding: 3px 5px; }
  .js .card:not(.open) { display: block; }
  .card { break-inside: avoid-page; }
  a { color: inherit; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
}
${COLOUR_CLASSES}
`;
