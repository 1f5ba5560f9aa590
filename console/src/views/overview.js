import { useEffect, useState } from 'preact/hooks';
import { html, ProblemBox, regionName } from '../ui.js';
import { POLL_MS } from './queue.js';
import { TILES } from './tiles.js';

const W = 118;
const H = 84;
const GAP = 8;

function stateOf(row) {
  if (!row) return 'quiet';
  if (row.unacknowledgedAlerts > 0) return 'failing';
  if (row.openCases > 0) return 'open';
  return 'quiet';
}

/**
 * Each tile's label: the region's name without the word "Region" / "облысы" / "область", unless that would read like
 * a city's name (Almaty Region beside the city of Almaty keeps its whole name).
 */
function tileLabels(name) {
  const shortName = (code) => name(code).replace(/\s+(Region|облысы|область)$/u, '');
  const cities = new Set(TILES.filter((tile) => tile.city).map((tile) => name(tile.code)));
  const labels = {};
  for (const tile of TILES) {
    const short = shortName(tile.code);
    labels[tile.code] = !tile.city && cities.has(short) ? name(tile.code) : short;
  }
  return labels;
}

/**
 * The national coordinator's overview (GET /v1/overview): every region's open cases, unacknowledged alerts and the
 * age of the oldest unacknowledged one, as a schematic tile map and as a table; read again every POLL_MS.
 */
export function OverviewView({ t, api, regions }) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    let live = true;
    const load = () => api.get('/v1/overview')
      .then((answer) => { if (live) { setData(answer.json); setError(null); setNow(Date.now()); } })
      .catch((failure) => live && setError(failure));
    load();
    const timer = setInterval(() => { if (!document.hidden) load(); }, POLL_MS);
    return () => { live = false; clearInterval(timer); };
  }, [api]);

  const rows = {};
  for (const row of (data && data.regions) || []) rows[row.region] = row;
  const name = (code) => (code === 'unknown' ? t('overview.unknownRegion') : regionName(regions, code));
  const tableRows = Object.values(rows).sort((a, b) => (b.unacknowledgedAlerts - a.unacknowledgedAlerts)
    || (b.openCases - a.openCases) || name(a.region).localeCompare(name(b.region)));
  const labels = tileLabels(name);
  const cols = 7;
  const width = cols * W + (cols - 1) * GAP;
  const height = 4 * H + 3 * GAP;

  return html`<div class="overview">
    <h1>${t('overview.title')}</h1>
    <p>${t('overview.intro')}</p>
    <${ProblemBox} t=${t} error=${error} />
    ${data ? html`<p class="hint">${t('overview.generatedAt', { time: t.dateTime(data.generatedAt) })}</p>` : null}
    <section class="panel map-panel" aria-labelledby="map-title">
      <h2 id="map-title">${t('overview.map')}</h2>
      <svg class="tilemap" viewBox=${'0 0 ' + width + ' ' + height} role="group" aria-labelledby="map-title"
          aria-describedby="map-desc">
        <desc id="map-desc">${t('overview.intro')}</desc>
        ${TILES.map((tile) => {
          const row = rows[tile.code];
          const state = stateOf(row);
          const x = tile.col * (W + GAP);
          const y = tile.row * (H + GAP);
          const label = labels[tile.code];
          const fit = label.length > 13 ? { textLength: W - 12, lengthAdjust: 'spacingAndGlyphs' } : {};
          const summary = t('overview.tile', { region: name(tile.code), open: row ? row.openCases : 0,
            unack: row ? row.unacknowledgedAlerts : 0 });
          return html`<a href=${'#/queue/' + tile.code}>
            <g class=${'tile tile-' + state + (tile.city ? ' city' : '')} data-region=${tile.code}>
              <title>${summary}</title>
              <rect x=${x} y=${y} width=${W} height=${H} rx=${tile.city ? 24 : 6} />
              <text x=${x + W / 2} y=${y + 22} class="tile-name" ...${fit}>${label}</text>
              <text x=${x + W / 2} y=${y + 50} class="tile-figure">${row ? row.openCases : 0}${
                row && row.unacknowledgedAlerts > 0 ? ' · ' + row.unacknowledgedAlerts + '!' : ''}</text>
              <text x=${x + W / 2} y=${y + 72} class="tile-age">${row && row.oldestUnacknowledgedAt
                ? t.age(row.oldestUnacknowledgedAt, now) : (tile.city ? t('overview.city') : '')}</text>
            </g></a>`;
        })}
      </svg>
      <ul class="legend">
        <li><span class="swatch tile-failing" aria-hidden="true"></span>${t('overview.legend.failing')}</li>
        <li><span class="swatch tile-open" aria-hidden="true"></span>${t('overview.legend.open')}</li>
        <li><span class="swatch tile-quiet" aria-hidden="true"></span>${t('overview.legend.quiet')}</li>
      </ul>
    </section>
    <section class="panel" aria-labelledby="table-title">
      <h2 id="table-title">${t('overview.table')}</h2>
      <div class="table-wrap"><table class="overview-table">
        <thead><tr><th scope="col">${t('queue.region')}</th><th scope="col" class="num">${t('overview.openCases')}</th>
          <th scope="col" class="num">${t('overview.unacknowledged')}</th><th scope="col">${t('overview.oldest')}</th>
        </tr></thead>
        <tbody>${tableRows.map((row) => html`<tr class=${'row-' + stateOf(row)} data-region=${row.region}>
          <th scope="row"><a href=${'#/queue/' + row.region}>${name(row.region)}</a></th>
          <td class="num">${row.openCases}</td>
          <td class="num">${row.unacknowledgedAlerts}</td>
          <td>${row.oldestUnacknowledgedAt ? t.age(row.oldestUnacknowledgedAt, now) : t('overview.none')}</td>
        </tr>`)}</tbody>
      </table></div>
    </section>
  </div>`;
}
