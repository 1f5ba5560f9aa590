import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { query } from '../api.js';
import { addDays, daysBetween, todayInKazakhstan } from '../i18n.js';
import { Field, html, ProblemBox, regionName, SEVERITIES, SeverityBadge, StatusBadge } from '../ui.js';
import { REGION_CODES } from './tiles.js';

/** New alerts show up without a reload: the queue is read again this often (the issue asks for 30 s at most). */
export const POLL_MS = 20000;
const PAGE_LIMIT = 100;
const MAX_PAGES = 5;
const STATUSES = ['open', 'received', 'acknowledged', 'in_progress', 'closed'];
/** A referral due within this many days (or overdue) is on the coordinator's work list. */
export const DUE_SOON_DAYS = 3;

/** The regions a person's queue covers: their organisation's, every region for '*'. */
export function regionsOf(me) {
  const regions = me.regions || [];
  return regions.includes('*') ? REGION_CODES : regions.filter((code) => REGION_CODES.includes(code));
}

async function regionCases(api, region, status) {
  const cases = [];
  let cursor;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await api.get('/v1/cases' + query({
      region, status: status === 'open' ? undefined : status, limit: PAGE_LIMIT, cursor,
    }));
    cases.push(...answer.json.cases);
    cursor = answer.json.nextCursor;
    if (!cursor) break;
  }
  return status === 'open' ? cases.filter((c) => c.status !== 'closed' && c.status !== 'withdrawn_by_reporter')
    : cases;
}

function byUrgency(a, b) {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity)
    || (a.status === 'received' ? 0 : 1) - (b.status === 'received' ? 0 : 1)
    || a.submittedAt.localeCompare(b.submittedAt);
}

/**
 * The queue: every open case of the person's regions (one request per region, in parallel), most urgent first, with
 * severity, category, region, age and whether anyone acknowledged it; read again every POLL_MS. Coordinators see
 * above it the referrals due soon or overdue.
 */
export function QueueView({ t, api, me, regions, region }) {
  const mine = regionsOf(me);
  const [chosen, setChosen] = useState(region || '');
  const [status, setStatus] = useState('open');
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [now, setNow] = useState(Date.now());
  const seen = useRef(null);
  const covered = chosen ? [chosen] : mine;

  const load = useCallback(async () => {
    const results = await Promise.allSettled(covered.map((code) => regionCases(api, code, status)));
    const cases = [];
    let failure = null;
    results.forEach((result) => {
      if (result.status === 'fulfilled') cases.push(...result.value);
      else failure = result.reason;
    });
    cases.sort(byUrgency);
    if (seen.current === null) seen.current = new Set(cases.map((c) => c.reference));
    setError(failure);
    setNow(Date.now());
    setData({ cases, partial: failure !== null && cases.length > 0 });
  }, [chosen, status, api]);

  useEffect(() => {
    seen.current = null;
    setData(null);
    load();
    const timer = setInterval(() => { if (!document.hidden) load(); }, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  const coordinator = me.role === 'coordinator' || me.role === 'national_coordinator';
  const fresh = data ? data.cases.filter((c) => seen.current && !seen.current.has(c.reference)).length : 0;
  return html`<div class="queue">
    <h1>${me.national ? t('queue.title') : t('queue.myRegions')}</h1>
    <form class="filters" onSubmit=${(e) => { e.preventDefault(); load(); }}>
      <${Field} id="queue-region" label=${t('queue.region')}>
        <select id="queue-region" value=${chosen} onChange=${(e) => setChosen(e.currentTarget.value)}>
          <option value="">${t('status.all')}</option>
          ${(me.national ? REGION_CODES : mine).map((code) => html`<option value=${code}>
            ${code === 'unknown' ? t('overview.unknownRegion') : regionName(regions, code)}</option>`)}
        </select>
      <//>
      <${Field} id="queue-status" label=${t('queue.status')}>
        <select id="queue-status" value=${status} onChange=${(e) => setStatus(e.currentTarget.value)}>
          ${STATUSES.map((s) => html`<option value=${s}>${t('status.' + s)}</option>`)}
        </select>
      <//>
      <button type="submit" class="secondary">${t('queue.refresh')}</button>
    </form>
    <p class="hint" aria-live="polite">${data ? t('queue.updatedAt', { time: t.time(now) }) : t('app.loading')}
      ${fresh > 0 ? ' ' + t('queue.new') + ': ' + fresh : ''}</p>
    ${covered.length === 0 ? html`<p class="empty">${t('queue.noRegions')}</p>` : null}
    <${ProblemBox} t=${t} error=${error} />
    ${coordinator && data ? html`<${WorkList} t=${t} cases=${data.cases} regions=${regions} />` : null}
    ${data && covered.length > 0 ? html`
      <h2 class="sr-only">${t('queue.caseList')}</h2>
      ${data.cases.length === 0 ? html`<p class="empty">${t('queue.empty')}</p>` : html`
      <ul class="cases">${data.cases.map((c) => html`<${CaseCard} key=${c.reference} t=${t} item=${c} me=${me}
          regions=${regions} now=${now} fresh=${seen.current && !seen.current.has(c.reference)} />`)}</ul>`}`
      : null}
  </div>`;
}

function CaseCard({ t, item, me, regions, now, fresh }) {
  return html`<li class=${'case-card sev-' + item.severity + (item.status === 'received' ? ' unacknowledged' : '')}>
    <a href=${'#/case/' + encodeURIComponent(item.reference)}>
      <span class="line badges">
        <${SeverityBadge} t=${t} severity=${item.severity} />
        <${StatusBadge} t=${t} status=${item.status} />
        ${fresh ? html`<span class="badge new">${t('queue.new')}</span>` : null}
        ${item.assignee && item.assignee === me.personId
          ? html`<span class="badge mine">${t('queue.assignedToYou')}</span>` : null}
      </span>
      <span class="line title">${t('category.' + item.category)}</span>
      <span class="line meta">
        <span>${item.region === 'unknown' ? t('overview.unknownRegion') : regionName(regions, item.region)}</span>
        <span>${now - new Date(item.submittedAt).getTime() < 60000 ? t('queue.reportedNow')
          : t('queue.age', { age: t.age(item.submittedAt, now) })}</span>
        ${item.openReferrals > 0 ? html`<span>${t('queue.openReferrals', { n: item.openReferrals })}</span>` : null}
      </span>
      <span class="line ref">${item.reference}</span>
    </a>
  </li>`;
}

/** Due text of a day: overdue by n days, due today, due in n days. */
export function dueText(t, dueDate, today = todayInKazakhstan()) {
  const days = daysBetween(today, dueDate);
  if (days < 0) return t('referral.overdueDays', { n: -days });
  if (days === 0) return t('referral.dueToday');
  return t('referral.dueInDays', { n: days });
}

/** The coordinator's work list: cases whose next referral is due within DUE_SOON_DAYS days or overdue. */
function WorkList({ t, cases, regions }) {
  const today = todayInKazakhstan();
  const limit = addDays(today, DUE_SOON_DAYS);
  const due = cases.filter((c) => c.nextReferralDueDate && c.nextReferralDueDate <= limit)
    .sort((a, b) => a.nextReferralDueDate.localeCompare(b.nextReferralDueDate));
  return html`<section class="panel worklist" aria-labelledby="worklist-title">
    <h2 id="worklist-title">${t('work.title')}</h2>
    ${due.length === 0 ? html`<p class="empty">${t('work.empty', { n: DUE_SOON_DAYS })}</p>` : html`
    <ul class="due">${due.map((c) => {
      const overdue = c.nextReferralDueDate < today;
      return html`<li class=${overdue ? 'overdue' : 'soon'}>
        <a href=${'#/case/' + encodeURIComponent(c.reference)}>
          <span class=${'badge ' + (overdue ? 'overdue' : 'soon')}>${dueText(t, c.nextReferralDueDate, today)}</span>
          <span>${c.reference}</span>
          <span>${t('category.' + c.category)} · ${regionName(regions, c.region)}</span>
          <span>${t('queue.openReferrals', { n: c.openReferrals || 0 })}</span>
        </a></li>`;
    })}</ul>`}
  </section>`;
}
