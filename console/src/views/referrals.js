import { useEffect, useState } from 'preact/hooks';
import { query } from '../api.js';
import { Field, html, Notice, ProblemBox } from '../ui.js';
import { ReferralItem } from './case.js';

const FILTERS = ['', 'in_progress', 'accepted', 'rejected', 'done', 'revoked'];

/** A provider's referrals (GET /v1/referrals), soonest due first: accept, reject or mark done, with a reason. */
export function ReferralsView({ t, api, me }) {
  const [status, setStatus] = useState('');
  const [list, setList] = useState(null);
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState('');
  // A reason is kept sealed and never listed (only an opened case shows it); the answer to a change echoes the one
  // just given, which is shown beside that referral until it changes again.
  const [echoed, setEchoed] = useState({});
  const load = async () => {
    try {
      const referrals = [];
      let cursor;
      for (let page = 0; page < 5; page += 1) {
        const answer = await api.get('/v1/referrals' + query({ status, limit: 100, cursor }));
        referrals.push(...answer.json.referrals);
        cursor = answer.json.nextCursor;
        if (!cursor) break;
      }
      setList(referrals);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  };
  useEffect(() => { setList(null); load(); }, [status]);
  const changed = async (action) => {
    const answer = await action();
    const given = answer && answer.json;
    if (given && given.referralId && given.reason) {
      setEchoed((before) => ({ ...before, [given.referralId]: { version: given.version, reason: given.reason } }));
    }
    setNotice(t('case.changed'));
    await load();
  };
  const withEcho = (r) => {
    const echo = echoed[r.referralId];
    return !r.reason && echo && echo.version === r.version ? { ...r, reason: echo.reason } : r;
  };
  return html`<div class="provider">
    <h1>${t('provider.title')}</h1>
    <p>${t('provider.intro', { organisation: me.organisationName || me.organisationId })}</p>
    <form class="filters" onSubmit=${(e) => e.preventDefault()}>
      <${Field} id="referral-status" label=${t('provider.status')}>
        <select id="referral-status" value=${status} onChange=${(e) => setStatus(e.currentTarget.value)}>
          ${FILTERS.map((s) => html`<option value=${s}>${s ? t('referralStatus.' + s) : t('status.all')}</option>`)}
        </select>
      <//>
    </form>
    <${Notice} text=${notice} />
    <${ProblemBox} t=${t} error=${error} />
    ${list === null ? html`<p>${t('app.loading')}</p>` : list.length === 0
      ? html`<p class="empty">${t('provider.empty')}</p>` : html`
      <ul class="referrals">${list.map((r) => html`<${ReferralItem} key=${r.referralId + r.version} t=${t} api=${api}
          me=${me} referral=${withEcho(r)} changed=${changed} showCase=${true} />`)}</ul>`}
  </div>`;
}
