import { h } from 'preact';
import { useState } from 'preact/hooks';
import htm from 'htm';
import { problemText } from './api.js';

/** JSX-like templates without a compiler; values are always rendered as text nodes, never as HTML. */
export const html = htm.bind(h);

export const SEVERITIES = ['critical', 'high', 'medium', 'low'];
export const CATEGORIES = ['forced_labour', 'sexual_exploitation', 'forced_marriage', 'forced_criminality', 'begging',
  'organ_removal', 'other', 'unknown'];
export const SERVICES = ['shelter', 'legal', 'medical', 'psychological', 'repatriation', 'employment', 'education',
  'other'];
export const OUTCOMES = ['assisted', 'referred_to_police_with_consent', 'no_contact', 'duplicate', 'unfounded'];

/** What a reporter or a colleague typed: text only, its direction isolated from the page around it. */
export function UserText({ text, inline, className }) {
  if (inline) return html`<bdi class=${'usertext ' + (className || '')}>${text}</bdi>`;
  return html`<p class=${'usertext block ' + (className || '')} dir="auto">${text}</p>`;
}

export function SeverityBadge({ t, severity }) {
  return html`<span class=${'badge sev sev-' + severity}>${t('severity.' + severity)}</span>`;
}

export function StatusBadge({ t, status }) {
  return html`<span class=${'badge status status-' + status}>${t('status.' + status)}</span>`;
}

/** A problem, said in a sentence; with an action (e.g. reload) when one helps. */
export function ProblemBox({ t, error, action }) {
  if (!error) return null;
  return html`<div class="problem" role="alert"><p>${problemText(t, error)}</p>${action || null}</div>`;
}

export function Notice({ text }) {
  if (!text) return null;
  return html`<p class="notice" role="status">${text}</p>`;
}

/**
 * Runs an async action once at a time: the button is disabled while it runs, a problem is kept for display.
 * Returns [run, busy, error, setError].
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const run = async (action) => {
    if (busy) return undefined;
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (failure) {
      setError(failure);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return [run, busy, error, setError];
}

/** A labelled form field: the label is tied to the control by id. */
export function Field({ id, label, hint, children }) {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${children}
    ${hint ? html`<p class="hint" id=${id + '-hint'}>${hint}</p>` : null}
  </div>`;
}

export function Section({ title, id, children, className }) {
  return html`<section class=${'panel ' + (className || '')} aria-labelledby=${id}>
    <h2 id=${id}>${title}</h2>
    ${children}
  </section>`;
}

/** The name of a region in the console's language, from GET /v1/regions; the code when unknown. */
export function regionName(regions, code) {
  const region = regions && regions[code];
  return region ? region.name : code;
}
