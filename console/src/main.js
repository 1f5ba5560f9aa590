import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createApi, query } from './api.js';
import {
  cognitoSignOut, completeCognitoSignIn, localPeople, localSignIn, startCognitoSignIn,
} from './auth.js';
import { LANGUAGES, nativeName, pickLanguage, translator } from './i18n.js';
import { html, Notice } from './ui.js';
import { QueueView } from './views/queue.js';
import { CaseView } from './views/case.js';
import { ReferralsView } from './views/referrals.js';
import { OverviewView } from './views/overview.js';

/** The console's settings, read at run time from its own origin (never baked into the build). */
async function loadConfig() {
  const response = await fetch('config.json', { cache: 'no-store', credentials: 'omit' });
  if (!response.ok) throw new Error('config');
  const config = await response.json();
  if (config.mode !== 'local' && config.mode !== 'cognito') throw new Error('config');
  if (config.mode === 'cognito' && !(config.cognito && config.cognito.domain && config.cognito.clientId)) {
    throw new Error('config');
  }
  return { ...config, apiUrl: String(config.apiUrl || '').replace(/\/+$/, '') };
}

function currentRoute() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return { name: parts[0] || '', arg: parts[1] || '' };
}

/**
 * Who is signed in: person, organisation (name, type), role, national scope and regions. Senim knows a person's
 * name once they have signed in through Cognito; until then /v1/me names them by id, and the local sign-in list's name
 * (given here as `knownName`) reads better.
 */
async function whoAmI(api, knownName) {
  const me = (await api.get('/v1/me')).json;
  return knownName && me.name === me.personId ? { ...me, name: knownName } : me;
}

/** Home screen by who you are: the national overview, a provider's referrals, or the queue. */
function homeOf(me) {
  if (me.role === 'national_coordinator') return 'overview';
  if (me.organisationType === 'ngo') return 'referrals';
  return 'queue';
}

function App({ config }) {
  const [lang, setLang] = useState(() => pickLanguage(navigator.languages));
  const t = useMemo(() => translator(lang), [lang]);
  const [session, setSession] = useState(null); // {token, me, name}: in memory only
  const [notice, setNotice] = useState('');
  const [route, setRoute] = useState(currentRoute);
  const [regions, setRegions] = useState({});

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.name') + ' · ' + t('app.tagline');
  }, [lang]);

  useEffect(() => {
    const onHash = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const signOut = (reason) => {
    setSession(null);
    setRegions({});
    setNotice(reason || t('signin.signedOut'));
    if (location.hash) history.replaceState(null, '', location.pathname);
    setRoute(currentRoute());
    if (config.mode === 'cognito' && !reason) cognitoSignOut(config.cognito);
  };

  const api = useMemo(() => createApi({
    baseUrl: config.apiUrl,
    token: () => session && session.token,
    language: () => lang,
    onUnauthorized: () => signOut(translator(lang)('signin.expired')),
  }), [session && session.token, lang]);

  const signIn = async (token, name) => {
    const signedIn = createApi({ baseUrl: config.apiUrl, token: () => token, language: () => lang,
      onUnauthorized: () => {} });
    const me = await whoAmI(signedIn, name);
    setNotice('');
    setSession({ token, me, name });
  };

  // Back from the hosted UI.
  useEffect(() => {
    if (config.mode !== 'cognito') return;
    completeCognitoSignIn(config.cognito)
      .then((token) => token && signIn(token))
      .catch(() => setNotice(t('signin.failed')));
  }, []);

  // Names that follow the language: who I am (organisation name) and the regions.
  useEffect(() => {
    if (!session) return;
    let live = true;
    fetch(config.apiUrl + '/v1/regions' + query({ lang }), { cache: 'no-store', credentials: 'omit' })
      .then((r) => (r.ok ? r.json() : { regions: [] }))
      .then((list) => {
        if (!live) return;
        const byCode = {};
        for (const region of list.regions || []) byCode[region.code] = region;
        setRegions(byCode);
      })
      .catch(() => {});
    whoAmI(api, session.name).then((me) => live && setSession((s) => s && { ...s, me }))
      .catch(() => {});
    return () => { live = false; };
  }, [lang, session && session.token]);

  const switcher = html`<div class="languages" role="group" aria-label=${t('app.language')}>
    ${LANGUAGES.map((code) => html`<button type="button" lang=${code} aria-pressed=${String(code === lang)}
        class=${code === lang ? 'current' : ''} onClick=${() => setLang(code)}>${nativeName(code)}</button>`)}
  </div>`;

  if (!session) {
    return html`<${SignIn} t=${t} config=${config} notice=${notice} switcher=${switcher} onToken=${signIn} />`;
  }

  const me = session.me;
  const name = route.name || homeOf(me);
  const nav = [];
  if (me.national) nav.push(['overview', t('nav.overview')]);
  nav.push(['queue', t('nav.queue')]);
  if (!me.national) nav.push(['referrals', t('nav.referrals')]);
  const props = { t, api, me, regions };
  let view;
  if (name === 'case' && route.arg) view = html`<${CaseView} key=${route.arg + lang} ...${props} reference=${route.arg} />`;
  else if (name === 'referrals') view = html`<${ReferralsView} key=${lang} ...${props} />`;
  else if (name === 'overview' && me.national) view = html`<${OverviewView} key=${lang} ...${props} />`;
  else view = html`<${QueueView} key=${lang + route.arg} ...${props} region=${route.arg} />`;
  const active = name === 'case' ? '' : name;

  return html`<div class="shell">
    <a class="skip" href="#main" onClick=${(e) => { e.preventDefault(); document.getElementById('main').focus(); }}>
      ${t('app.skip')}</a>
    <header class="top">
      <div class="brand"><span class="logo" aria-hidden="true">S</span><span>${t('app.name')}</span>
        <span class="tagline">${t('app.tagline')}</span></div>
      <nav aria-label=${t('nav.label')}>
        <ul>${nav.map(([target, label]) => html`<li><a href=${'#/' + target}
            aria-current=${active === target ? 'page' : undefined}>${label}</a></li>`)}</ul>
      </nav>
      <div class="who">
        <span class="sr-only">${t('me.signedInAs')}</span>
        <span class="person"><bdi>${me.name}</bdi></span>
        <span class="org">${t('role.' + me.role)} · <bdi>${me.organisationName || me.organisationId}</bdi></span>
      </div>
      ${switcher}
      <button type="button" class="signout" onClick=${() => signOut()}>${t('nav.signOut')}</button>
    </header>
    <main id="main" tabindex="-1">${view}</main>
  </div>`;
}

function SignIn({ t, config, notice, switcher, onToken }) {
  const [people, setPeople] = useState(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (config.mode === 'local') {
      localPeople(config.apiUrl).then(setPeople).catch(() => setFailed(true));
    }
  }, []);
  const choose = async (person) => {
    setBusy(true);
    setFailed(false);
    try {
      await onToken(await localSignIn(config.apiUrl, person.id), person.name);
    } catch (failure) {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return html`<div class="shell signin">
    <header class="top"><div class="brand"><span class="logo" aria-hidden="true">S</span>
      <span>${t('app.name')}</span><span class="tagline">${t('app.tagline')}</span></div>${switcher}</header>
    <main id="main" tabindex="-1">
      <h1>${t('signin.title')}</h1>
      <${Notice} text=${notice} />
      ${failed ? html`<div class="problem" role="alert"><p>${t('signin.failed')}</p></div>` : null}
      ${config.mode === 'local' ? html`
        <p class="local-notice">${t('signin.localNotice')}</p>
        <h2>${t('signin.people')}</h2>
        ${people === null && !failed ? html`<p>${t('app.loading')}</p>` : null}
        <ul class="people">${(people || []).map((person) => html`<li>
          <button type="button" class="person-card" disabled=${busy} onClick=${() => choose(person)}>
            <span class="person"><bdi>${person.name}</bdi></span>
            <span class="role">${t('role.' + person.role)}</span>
            <span class="org"><bdi>${person.organisationId}</bdi></span>
          </button></li>`)}
        </ul>` : html`
        <p>${t('signin.cognitoNotice')}</p>
        <button type="button" class="primary" onClick=${() => startCognitoSignIn(config.cognito)}>
          ${t('signin.cognito')}</button>`}
      <p class="hint">${t('signin.memoryOnly')}</p>
    </main>
  </div>`;
}

loadConfig()
  .then((config) => {
    const box = document.getElementById('app');
    box.textContent = '';
    render(html`<${App} config=${config} />`, box);
  })
  .catch(() => {
    const t = translator(pickLanguage(navigator.languages));
    const box = document.getElementById('app');
    box.textContent = '';
    const p = document.createElement('p');
    p.className = 'problem';
    p.setAttribute('role', 'alert');
    p.textContent = t('app.configFailed');
    box.appendChild(p);
  });

