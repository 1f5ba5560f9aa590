/** A problem the API answered (application/problem+json), or a failure to reach it (code "network"). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.code);
    this.status = status;
    this.code = problem.code;
    this.detail = typeof problem.detail === 'string' ? problem.detail : '';
    this.field = problem.field;
  }
}

/**
 * A client of Senim's HTTP API. Every request carries the ID token (from memory) and the console's language as
 * Accept-Language, so problem texts come back in it. A 401 ends the session.
 */
export function createApi({ baseUrl, token, language, onUnauthorized }) {
  async function request(method, path, { body, ifMatch, idempotencyKey } = {}) {
    const headers = { Accept: 'application/json, application/problem+json', 'Accept-Language': language() };
    const bearer = token();
    if (bearer) headers.Authorization = 'Bearer ' + bearer;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (ifMatch !== undefined) headers['If-Match'] = '"' + String(ifMatch).replace(/"/g, '') + '"';
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    let response;
    try {
      response = await fetch(baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
    } catch (unreachable) {
      throw new ApiError(0, { code: 'network' });
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (notJson) {
      json = null;
    }
    if (!response.ok) {
      if (response.status === 401) {
        onUnauthorized();
        throw new ApiError(401, { code: 'unauthorized' });
      }
      const problem = json && typeof json.code === 'string' ? json : { code: 'http_' + response.status };
      throw new ApiError(response.status, problem);
    }
    return { status: response.status, json, etag: response.headers.get('ETag') };
  }
  return {
    get: (path) => request('GET', path),
    post: (path, body, options = {}) => request('POST', path, { ...options, body }),
    put: (path, body, options = {}) => request('PUT', path, { ...options, body }),
  };
}

/** A localized sentence for any problem: the console's own text for the code, else the server's localized detail. */
export function problemText(t, error) {
  if (!(error instanceof ApiError)) return t('problem.generic');
  const key = 'problem.' + error.code;
  const known = t(key);
  if (known !== key) return known.replace('{detail}', error.detail || '');
  return error.detail || t('problem.generic');
}

/** A fresh random Idempotency-Key (UUID v4). */
export function newKey() {
  return crypto.randomUUID();
}

/** Query string from the set values of an object. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? '?' + text : '';
}
