import { useEffect, useRef, useState } from 'preact/hooks';
import { newKey, query } from '../api.js';
import { addDays, todayInKazakhstan } from '../i18n.js';
import {
  Field, html, Notice, OUTCOMES, ProblemBox, regionName, Section, SERVICES, SeverityBadge, StatusBadge, useAction,
  UserText,
} from '../ui.js';
import { dueText } from './queue.js';

const FLAGS = ['immediateDanger', 'policeConsent', 'childInvolved', 'foreignNational'];

/**
 * One case: its facts, what the reporter wrote, the alerts and escalation pages, referrals, the conversation and (for
 * coordinators) the audit trail; and what the signed-in person may do with it. A change made over a stale version
 * (409 version_conflict) offers to reload the case.
 */
export function CaseView({ t, api, me, regions, reference }) {
  const [item, setItem] = useState(null);
  const [version, setVersion] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [notice, setNotice] = useState('');
  const [conflict, setConflict] = useState(false);
  const [names, setNames] = useState({});
  const heading = useRef(null);

  const load = async () => {
    try {
      const answer = await api.get('/v1/cases/' + encodeURIComponent(reference));
      setItem(answer.json);
      setVersion(answer.json.version);
      setLoadError(null);
      setConflict(false);
    } catch (failure) {
      setLoadError(failure);
    }
  };
  useEffect(() => { load(); }, []);

  const coordinator = me.role === 'coordinator' || me.role === 'national_coordinator';
  useEffect(() => {
    if (!coordinator) return;
    api.get('/v1/people' + query({ organisationId: me.organisationId }))
      .then((answer) => {
        const byId = {};
        for (const person of answer.json.people || []) byId[person.personId] = person;
        setNames(byId);
      })
      .catch(() => setNames({}));
  }, []);

  /** After a change: say so, and show the case as it is now. A version conflict offers a reload instead. */
  const changed = async (action) => {
    try {
      await action();
      setNotice(t('case.changed'));
      await load();
      return true;
    } catch (failure) {
      if (failure.code === 'version_conflict') setConflict(true);
      throw failure;
    }
  };
  const ctx = { t, api, me, item, version, changed, names, reference, regions };

  if (loadError && !item) {
    return html`<div class="case"><p><a href="#/">${t('case.back')}</a></p>
      <${ProblemBox} t=${t} error=${loadError} /></div>`;
  }
  if (!item) return html`<div class="case"><p>${t('case.loading')}</p></div>`;
  const closed = item.status === 'closed';
  // withdrawn by the reporter: what was written is erased and the case changes no more
  const withdrawn = item.status === 'withdrawn_by_reporter';
  const ended = closed || withdrawn;
  return html`<div class="case">
    <p class="back"><a href="#/">${t('case.back')}</a></p>
    <h1 ref=${heading}>${t('case.title', { reference: item.reference })}</h1>
    <p class="badges"><${SeverityBadge} t=${t} severity=${item.severity} />
      <${StatusBadge} t=${t} status=${item.status} /></p>
    ${conflict ? html`<div class="problem conflict" role="alert"><p>${t('problem.version_conflict')}</p>
      <button type="button" class="primary" onClick=${load}>${t('action.reload')}</button></div>` : null}
    <${Notice} text=${notice} />
    <div class="case-grid">
      <div class="col-main">
        <${Acknowledge} ...${ctx} />
        <${StartWork} ...${ctx} />
        <${Section} title=${t('case.narrative')} id="narrative-title">
          ${item.narrative == null ? html`<p class="empty">${t('case.erased')}</p>`
            : html`<${UserText} text=${item.narrative} className="narrative" />`}
        <//>
        <${Conversation} ...${ctx} closed=${ended} />
        <${Referrals} ...${ctx} />
        ${coordinator && !ended ? html`<${Refer} ...${ctx} />` : null}
      </div>
      <div class="col-side">
        <${Facts} ...${ctx} />
        ${coordinator && !ended ? html`<${Assign} ...${ctx} />` : null}
        ${coordinator && !withdrawn ? html`<${CloseOrReopen} ...${ctx} closed=${closed} />` : null}
        <${Alerts} ...${ctx} />
      </div>
    </div>
    ${coordinator ? html`<${Audit} ...${ctx} />` : null}
  </div>`;
}

/**
 * An organisation by the name the API sent beside its id (in the console's language), or by name when it is the
 * caller's own (GET /v1/me names it); else, when the directory does not know it, by its id.
 */
function orgName(me, id, name) {
  if (name) return name;
  return id === me.organisationId && me.organisationName ? me.organisationName : id;
}

function personName(names, me, id) {
  if (!id) return '';
  if (names[id]) return names[id].name;
  if (me.personId === id) return me.name;
  return id;
}

function Facts({ t, item, regions, names, me }) {
  const row = (label, value) => html`<div class="fact"><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<${Section} title=${t('case.facts')} id="facts-title">
    <dl class="facts">
      ${row(t('case.status'), t('status.' + item.status))}
      ${row(t('case.severity'), t('severity.' + item.severity))}
      ${row(t('case.category'), t('category.' + item.category))}
      ${row(t('case.reporterRole'), t('reporterRole.' + item.reporterRole))}
      ${row(t('case.region'), item.region === 'unknown' ? t('overview.unknownRegion') : regionName(regions, item.region))}
      ${row(t('case.locality'), item.locality ? html`<${UserText} inline text=${item.locality} />` : t('case.noLocality'))}
      ${row(t('case.language'), t('language.' + item.language))}
      ${FLAGS.map((flag) => row(t('flag.' + flag), item[flag] ? t('yes') : t('no')))}
      ${row(t('case.submittedAt'), t.dateTime(item.submittedAt))}
      ${row(t('case.takenBy'), item.takenBy ? html`<bdi>${orgName(me, item.takenBy, item.takenByName)}</bdi>`
        : t('case.nobody'))}
      ${row(t('case.assignee'), item.assignee ? html`<bdi>${personName(names, me, item.assignee)}</bdi>`
        : t('case.nobody'))}
      ${item.outcome ? row(t('case.outcome'), t('outcome.' + item.outcome)) : null}
      ${item.statusReason ? row(t('case.statusReason'), html`<${UserText} inline text=${item.statusReason} />`) : null}
    </dl>
  <//>`;
}

/** The caller's organisation's alerts nobody acknowledged yet (any, for national coordinators). */
function Acknowledge({ t, api, me, item, changed }) {
  const [run, busy, error] = useAction();
  // a closed or withdrawn case pages nobody: nothing left to take
  if (item.status === 'closed' || item.status === 'withdrawn_by_reporter') return null;
  const mine = (item.alerts || []).filter((alert) => alert.status === 'pending'
    && (me.national || alert.organisationId === me.organisationId));
  if (mine.length === 0) return null;
  return html`<div class="panel action-panel urgent">
    ${mine.map((alert) => html`<button type="button" class="primary big" disabled=${busy}
        onClick=${() => run(() => changed(() => api.post('/v1/alerts/' + encodeURIComponent(alert.alertId)
          + '/acknowledgement')))}>
      ${t('action.acknowledge')}${mine.length > 1
        ? html` · <bdi>${orgName(me, alert.organisationId, alert.organisationName)}</bdi>` : null}</button>`)}
    <${ProblemBox} t=${t} error=${error} />
  </div>`;
}

function StartWork({ t, api, item, version, changed }) {
  const [run, busy, error] = useAction();
  if (item.status !== 'acknowledged') return null;
  return html`<div class="panel action-panel">
    <button type="button" class="primary big" disabled=${busy}
        onClick=${() => run(() => changed(() => api.post('/v1/cases/' + encodeURIComponent(item.reference)
          + '/transitions', { to: 'in_progress' }, { ifMatch: version })))}>${t('action.startWork')}</button>
    <${ProblemBox} t=${t} error=${error} />
  </div>`;
}

function ackBy(t, alert, names, me) {
  const by = alert.acknowledgedBy;
  if (!by || typeof by !== 'object') return '';
  if (by.type === 'person') return t('ackBy.person', { name: personName(names, me, by.personId) });
  if (by.type === 'link') return t('ackBy.link');
  if (by.type === 'reporter') return t('ackBy.reporter');
  return t('ackBy.system');
}

function Alerts({ t, item, names, me }) {
  const alerts = item.alerts || [];
  return html`<${Section} title=${t('case.alerts')} id="alerts-title">
    ${alerts.length === 0 ? html`<p class="empty">${t('case.noAlerts')}</p>` : html`
    <ol class="alerts">${alerts.map((alert) => {
      const page = alert.status === 'page';
      const organisation = orgName(me, alert.organisationId, alert.organisationName);
      return html`<li class=${'alert alert-' + alert.status}>
        <p class="alert-head">
          ${page ? t('case.pageTo', { step: alert.escalationStep, organisation })
            : t(alert.status === 'notice' ? 'case.noticeTo' : 'case.alertTo', { organisation })}</p>
        <p class="alert-meta">
          <span class=${'badge alert-' + alert.status}>${t('alertStatus.' + alert.status)}</span>
          <span>${t('case.raisedAt', { time: t.dateTime(alert.createdAt) })}</span>
          ${alert.acknowledgedAt ? html`<span>${t('case.acknowledgedAt', { time: t.dateTime(alert.acknowledgedAt) })}
            ${' ' + ackBy(t, alert, names, me)}</span>` : null}
          ${!page && alert.escalationStep > 0
            ? html`<span>${t('case.escalationSteps', { n: alert.escalationStep })}</span>` : null}
          ${alert.delivery ? html`<span class=${'delivery delivery-' + alert.delivery.state}>${
            t('delivery.' + alert.delivery.state, { n: alert.delivery.attempts })}</span>` : null}
        </p>
      </li>`;
    })}</ol>`}
  <//>`;
}

/** Keeps one Idempotency-Key while the same body is retried; a new body gets a new key. */
function useIdempotency() {
  const pending = useRef(null);
  return {
    keyFor(body) {
      const text = JSON.stringify(body);
      if (!pending.current || pending.current.text !== text) pending.current = { text, key: newKey() };
      return pending.current.key;
    },
    done() { pending.current = null; },
  };
}

function Conversation({ t, api, item, changed, closed, names, me }) {
  const [kind, setKind] = useState('question');
  const [text, setText] = useState('');
  const [sent, setSent] = useState('');
  const [run, busy, error] = useAction();
  const idempotency = useIdempotency();
  const send = (event) => {
    event.preventDefault();
    const body = { kind, text: text.trim() };
    if (!body.text) return;
    setSent('');
    run(async () => {
      await changed(() => api.post('/v1/cases/' + encodeURIComponent(item.reference) + '/messages', body,
        { idempotencyKey: idempotency.keyFor(body) }));
      idempotency.done();
      setText('');
      setSent(t('message.sent'));
    });
  };
  const messages = item.messages || [];
  return html`<${Section} title=${t('case.conversation')} id="conversation-title">
    ${messages.length === 0 ? html`<p class="empty">${t('case.noMessages')}</p>` : html`
    <ol class="messages">${messages.map((m) => html`<li class=${'message ' + m.direction}>
      <p class="message-meta">
        <strong>${m.direction === 'from_reporter' ? t('case.fromReporter') : t('case.toReporter')}</strong>
        <span>${t('message.kind.' + m.kind)}</span>
        <span>${t.dateTime(m.at)}</span>
        ${m.direction === 'to_reporter' && m.author ? html`<span><bdi>${personName(names, me, m.author)}</bdi></span>`
          : null}
      </p>
      ${m.text == null ? html`<p class="empty">${t('case.messageErased')}</p>` : html`<${UserText} text=${m.text} />`}
    </li>`)}</ol>`}
    ${closed ? null : html`<form class="compose" onSubmit=${send}>
      <h3>${t('message.compose')}</h3>
      <fieldset class="choices">
        <legend>${t('message.kind')}</legend>
        ${['question', 'update'].map((k) => html`<label class="choice">
          <input type="radio" name="message-kind" value=${k} checked=${kind === k}
            onChange=${() => setKind(k)} /> ${t('message.kind.' + k)}</label>`)}
      </fieldset>
      <${Field} id="message-text" label=${t('message.text')} hint=${t('message.hint')}>
        <textarea id="message-text" rows="4" maxlength="2000" dir="auto" aria-describedby="message-text-hint"
          value=${text} onInput=${(e) => setText(e.currentTarget.value)} required></textarea>
      <//>
      <button type="submit" class="primary" disabled=${busy || !text.trim()}>${t('message.send')}</button>
      <${Notice} text=${sent} />
      <${ProblemBox} t=${t} error=${error} />
    </form>`}
  <//>`;
}

function Referrals({ t, api, me, item, changed }) {
  const referrals = item.referrals || [];
  return html`<${Section} title=${t('case.referrals')} id="referrals-title">
    ${referrals.length === 0 ? html`<p class="empty">${t('case.noReferrals')}</p>` : html`
    <ul class="referrals">${referrals.map((r) => html`<${ReferralItem} key=${r.referralId} t=${t} api=${api}
        me=${me} referral=${r} changed=${changed} />`)}</ul>`}
  <//>`;
}

/** What the signed-in person may do with a referral: the provider accepts, rejects, finishes; a coordinator revokes
 * or closes. */
export function referralActions(me, referral) {
  if (referral.closed) return [];
  const provider = me.organisationId === referral.providerId;
  const coordinator = me.role === 'coordinator' || me.role === 'national_coordinator';
  const actions = [];
  if (provider && referral.status === 'in_progress') actions.push('accepted', 'rejected');
  if (provider && referral.status === 'accepted') actions.push('done');
  if (coordinator && (referral.status === 'in_progress' || referral.status === 'accepted')) actions.push('revoked');
  if (coordinator && ['done', 'rejected', 'revoked'].includes(referral.status)) actions.push('closed');
  return actions;
}

const ACTION_LABEL = {
  accepted: 'action.accept', rejected: 'action.reject', done: 'action.done', revoked: 'action.revoke',
  closed: 'action.closeReferral',
};

/** A referral with its status, due date and the buttons the person may use (a reason where one is needed). */
export function ReferralItem({ t, api, me, referral, changed, showCase }) {
  const [reason, setReason] = useState('');
  const [run, busy, error] = useAction();
  const actions = referralActions(me, referral);
  const needsReason = actions.includes('rejected') || actions.includes('revoked');
  const id = 'reason-' + referral.referralId.replace(/[^A-Za-z0-9]/g, '');
  const act = (to) => run(() => changed(() => api.post('/v1/referrals/' + encodeURIComponent(referral.referralId)
    + '/status', reason.trim() ? { to, reason: reason.trim() } : { to }, { ifMatch: referral.version })));
  const open = referral.status === 'in_progress' || referral.status === 'accepted';
  return html`<li class=${'referral' + (referral.overdue ? ' overdue' : '')} data-referral=${referral.referralId}>
    <p class="referral-head">
      <strong>${t('service.' + referral.service)}</strong>
      <span aria-hidden="true">·</span>
      <span><bdi>${orgName(me, referral.providerId, referral.providerName)}</bdi></span>
    </p>
    <p class="referral-meta">
      <span class=${'badge referral-' + referral.status}>${t('referralStatus.' + referral.status)}</span>
      ${referral.closed ? html`<span class="badge closed">${t('referral.closed')}</span>` : null}
      <span>${t('referral.dueOn', { date: t.day(referral.dueDate) })}</span>
      ${open ? html`<span class=${referral.overdue ? 'badge overdue' : 'due'}>${referral.overdue
        ? t('referral.overdue') + ' · ' + dueText(t, referral.dueDate) : dueText(t, referral.dueDate)}</span>` : null}
      ${showCase ? html`<a href=${'#/case/' + encodeURIComponent(referral.reference)}>
        ${t('provider.case')} ${referral.reference}</a>` : null}
    </p>
    ${referral.reason ? html`<p class="reason">${t('reason.label')}: <${UserText} inline text=${referral.reason} /></p>`
      : null}
    ${actions.length > 0 ? html`<div class="referral-actions">
      <${Field} id=${id} label=${needsReason ? t('reason.required') : t('reason.label')}>
        <input id=${id} type="text" maxlength="500" dir="auto" value=${reason}
          onInput=${(e) => setReason(e.currentTarget.value)} />
      <//>
      <div class="buttons">${actions.map((to) => html`<button type="button"
          class=${to === 'rejected' || to === 'revoked' ? 'secondary' : 'primary'}
          disabled=${busy || ((to === 'rejected' || to === 'revoked') && !reason.trim())}
          onClick=${() => act(to)}>${t(ACTION_LABEL[to])}</button>`)}</div>
      <${ProblemBox} t=${t} error=${error} />
    </div>` : null}
  </li>`;
}

function Assign({ t, api, me, item, version, changed, names }) {
  const people = Object.values(names);
  const [person, setPerson] = useState(item.assignee || '');
  const [run, busy, error] = useAction();
  const submit = (event) => {
    event.preventDefault();
    if (!person) return;
    run(() => changed(() => api.put('/v1/cases/' + encodeURIComponent(item.reference) + '/assignee',
      { personId: person }, { ifMatch: version })));
  };
  return html`<${Section} title=${t('assign.title')} id="assign-title">
    ${people.length === 0 ? html`<p class="empty">${t('assign.noPeople')}</p>` : html`
    <form onSubmit=${submit}>
      <${Field} id="assign-person" label=${t('assign.person')}>
        <select id="assign-person" value=${person} onChange=${(e) => setPerson(e.currentTarget.value)}>
          <option value="">${t('action.choose')}</option>
          ${people.map((p) => html`<option value=${p.personId}>${p.name} · ${t('role.' + p.role)}</option>`)}
        </select>
      <//>
      <button type="submit" class="primary" disabled=${busy || !person || person === item.assignee}>
        ${t('action.assign')}</button>
      <${ProblemBox} t=${t} error=${error} />
    </form>`}
  <//>`;
}

function Refer({ t, api, item, changed }) {
  const today = todayInKazakhstan();
  const [service, setService] = useState('');
  const [providers, setProviders] = useState(null);
  const [provider, setProvider] = useState('');
  const [consent, setConsent] = useState(false);
  const [dueDate, setDueDate] = useState(addDays(today, 3));
  const [run, busy, error, setError] = useAction();
  const idempotency = useIdempotency();
  useEffect(() => {
    setProvider('');
    setProviders(null);
    if (!service) return;
    api.get('/v1/providers' + query({ service, region: item.region }))
      .then((answer) => setProviders(answer.json.providers || []))
      .catch((failure) => { setProviders([]); setError(failure); });
  }, [service]);
  const submit = (event) => {
    event.preventDefault();
    const body = { providerId: provider, service, consentGiven: consent, dueDate };
    run(async () => {
      await changed(() => api.post('/v1/cases/' + encodeURIComponent(item.reference) + '/referrals', body,
        { idempotencyKey: idempotency.keyFor(body) }));
      idempotency.done();
      setService('');
      setConsent(false);
    });
  };
  return html`<${Section} title=${t('refer.title')} id="refer-title">
    <form class="refer" onSubmit=${submit}>
      <${Field} id="refer-service" label=${t('refer.service')}>
        <select id="refer-service" value=${service} onChange=${(e) => setService(e.currentTarget.value)}>
          <option value="">${t('action.choose')}</option>
          ${SERVICES.map((s) => html`<option value=${s}>${t('service.' + s)}</option>`)}
        </select>
      <//>
      ${service && providers !== null ? (providers.length === 0
        ? html`<p class="empty">${t('refer.noProviders')}</p>` : html`
        <${Field} id="refer-provider" label=${t('refer.provider')}>
          <select id="refer-provider" value=${provider} onChange=${(e) => setProvider(e.currentTarget.value)}>
            <option value="">${t('action.choose')}</option>
            ${providers.map((p) => html`<option value=${p.organisationId}>
              ${p.name}${p.national ? ' (' + t('refer.national') + ')' : ''}</option>`)}
          </select>
        <//>`) : null}
      <div class="field checkbox">
        <input id="refer-consent" type="checkbox" checked=${consent} aria-describedby="refer-consent-hint"
          onChange=${(e) => setConsent(e.currentTarget.checked)} />
        <label for="refer-consent">${t('refer.consent')}</label>
        <p class="hint" id="refer-consent-hint">${t('refer.consentHint')}</p>
      </div>
      <${Field} id="refer-due" label=${t('refer.dueDate')}>
        <input id="refer-due" type="date" min=${today} max=${addDays(today, 365)} value=${dueDate} required
          onInput=${(e) => setDueDate(e.currentTarget.value)} />
      <//>
      <button type="submit" class="primary" disabled=${busy || !service || !provider || !consent || !dueDate}>
        ${t('action.refer')}</button>
      <${ProblemBox} t=${t} error=${error} />
    </form>
  <//>`;
}

function CloseOrReopen({ t, api, item, version, changed, closed }) {
  const [outcome, setOutcome] = useState('');
  const [reason, setReason] = useState('');
  const [run, busy, error] = useAction();
  const path = '/v1/cases/' + encodeURIComponent(item.reference) + '/transitions';
  if (item.status === 'received') return null;
  if (closed) {
    return html`<${Section} title=${t('reopen.title')} id="reopen-title">
      <form onSubmit=${(e) => { e.preventDefault(); run(() => changed(() => api.post(path,
        { to: 'in_progress', reason: reason.trim() }, { ifMatch: version }))); }}>
        <${Field} id="reopen-reason" label=${t('reopen.reason')}>
          <textarea id="reopen-reason" rows="3" maxlength="500" dir="auto" value=${reason} required
            onInput=${(e) => setReason(e.currentTarget.value)}></textarea>
        <//>
        <button type="submit" class="primary" disabled=${busy || !reason.trim()}>${t('action.reopen')}</button>
        <${ProblemBox} t=${t} error=${error} />
      </form>
    <//>`;
  }
  return html`<${Section} title=${t('close.title')} id="close-title">
    <form onSubmit=${(e) => { e.preventDefault(); run(() => changed(() => api.post(path,
      { to: 'closed', outcome }, { ifMatch: version }))); }}>
      <${Field} id="close-outcome" label=${t('close.outcome')}>
        <select id="close-outcome" value=${outcome} onChange=${(e) => setOutcome(e.currentTarget.value)}>
          <option value="">${t('action.choose')}</option>
          ${OUTCOMES.map((o) => html`<option value=${o}>${t('outcome.' + o)}</option>`)}
        </select>
      <//>
      <button type="submit" class="primary" disabled=${busy || !outcome}>${t('action.close')}</button>
      <${ProblemBox} t=${t} error=${error} />
    </form>
  <//>`;
}

function actor(t, a, names, me) {
  const organisation = orgName(me, a.organisationId, a.organisationName) || '';
  if (a.type === 'person') return personName(names, me, a.personId) + ' · ' + organisation
    + (a.role ? ' · ' + t('role.' + a.role) : '');
  if (a.type === 'link') return t('audit.link', { organisation });
  if (a.type === 'reporter') return t('audit.reporter');
  return t('audit.system', { component: a.component || '' });
}

/** The audit trail, read on demand (reading it is itself audited). */
function Audit({ t, api, item, names, me }) {
  const [entries, setEntries] = useState(null);
  const [run, busy, error] = useAction();
  const show = () => run(async () => {
    setEntries((await api.get('/v1/cases/' + encodeURIComponent(item.reference) + '/audit')).json.entries);
  });
  return html`<${Section} title=${t('case.audit')} id="audit-title" className="audit">
    <button type="button" class="secondary" disabled=${busy} onClick=${show}>${t('case.showAudit')}</button>
    <${ProblemBox} t=${t} error=${error} />
    ${entries ? html`<div class="table-wrap"><table>
      <thead><tr><th scope="col">${t('audit.at')}</th><th scope="col">${t('audit.who')}</th>
        <th scope="col">${t('audit.action')}</th><th scope="col">${t('audit.details')}</th></tr></thead>
      <tbody>${entries.map((e) => html`<tr>
        <td>${t.dateTime(e.at)}</td>
        <td><bdi>${actor(t, e.actor || {}, names, me)}</bdi></td>
        <td>${t('auditAction.' + e.action) === 'auditAction.' + e.action ? e.action : t('auditAction.' + e.action)}</td>
        <td>${Object.entries(e.details || {}).map(([k, v]) => html`<span class="detail"><code>${k}</code>: <bdi>${v}</bdi></span>`)}</td>
      </tr>`)}</tbody>
    </table></div>` : null}
  <//>`;
}
