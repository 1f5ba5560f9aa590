/**
 * Signing in. The ID token lives in memory only (a variable of the page): never in localStorage, sessionStorage or a
 * cookie, so a reload may ask to sign in again and signing out leaves nothing behind.
 *
 * Local mode: the local runner's own issuer (GET /local/people, POST /local/tokens).
 * Cognito mode: the user pool's hosted UI, authorization-code flow with PKCE (S256). The one-time PKCE verifier and
 * state must survive the redirect to the hosted UI and back, so they alone wait in sessionStorage and are removed as
 * soon as the browser is back; no token is ever stored there.
 */
const PKCE_KEY = 'senim.console.pkce';

export async function localPeople(apiUrl) {
  const response = await fetch(apiUrl + '/local/people', { cache: 'no-store', credentials: 'omit' });
  if (!response.ok) throw new Error('people');
  return (await response.json()).people || [];
}

export async function localSignIn(apiUrl, personId) {
  const response = await fetch(apiUrl + '/local/tokens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ person: personId }),
    cache: 'no-store',
    credentials: 'omit',
  });
  if (!response.ok) throw new Error('token');
  return (await response.json()).idToken;
}

function base64Url(bytes) {
  let text = '';
  for (const byte of new Uint8Array(bytes)) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Where the hosted UI sends the browser back: the console's own page. */
export function redirectUri() {
  return location.origin + location.pathname;
}

/** Goes to the hosted UI (the page unloads). */
export async function startCognitoSignIn(cognito) {
  const verifier = randomText(48);
  const state = randomText(24);
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: cognito.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid email profile',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(cognito.domain + '/oauth2/authorize?' + params);
}

/**
 * Back from the hosted UI with ?code=&state=: exchanges the code for tokens and returns the ID token; null when this
 * page load is not such a return. The code leaves the address bar at once.
 */
export async function completeCognitoSignIn(cognito) {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const returned = params.get('state');
  if (!code && !params.get('error')) return null;
  history.replaceState(null, '', location.pathname + location.hash);
  const saved = sessionStorage.getItem(PKCE_KEY);
  sessionStorage.removeItem(PKCE_KEY);
  if (!code || !saved) throw new Error('signin');
  const { verifier, state } = JSON.parse(saved);
  if (returned !== state) throw new Error('signin');
  const response = await fetch(cognito.domain + '/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: cognito.clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: verifier,
    }),
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!response.ok) throw new Error('signin');
  const tokens = await response.json();
  if (!tokens.id_token) throw new Error('signin');
  return tokens.id_token;
}

/** Ends the hosted UI's session too, and comes back to the console. */
export function cognitoSignOut(cognito) {
  const params = new URLSearchParams({ client_id: cognito.clientId, logout_uri: redirectUri() });
  location.assign(cognito.domain + '/logout?' + params);
}
