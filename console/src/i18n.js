import en from './messages/en.js';
import kk from './messages/kk.js';
import ru from './messages/ru.js';

/** The console's languages, in the order the switcher shows them. */
export const LANGUAGES = ['kk', 'ru', 'en'];
export const MESSAGES = { kk, ru, en };
const LOCALES = { kk: 'kk-KZ', ru: 'ru-KZ', en: 'en-GB' };
const NATIVE_NAMES = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
/** Kazakhstan's time: what staff read times in, and the calendar of referral due dates. */
export const ZONE = 'Asia/Almaty';

/** The first of the browser's languages the console speaks; English when none. */
export function pickLanguage(preferred) {
  for (const tag of preferred || []) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

export function nativeName(lang) {
  return NATIVE_NAMES[lang];
}

/** The translator of one language: t(key, {name: value}). A missing key shows the English text. */
export function translator(lang) {
  const table = MESSAGES[lang] || en;
  const locale = LOCALES[lang] || 'en-GB';
  const t = (key, params) => {
    let text = table[key] ?? en[key] ?? key;
    if (params) {
      text = text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
    }
    return text;
  };
  t.lang = lang;
  t.locale = locale;
  // Numeric dates: every browser writes them well in all three languages (named Kazakh months are not everywhere).
  const numericDay = { year: 'numeric', month: '2-digit', day: '2-digit' };
  const dateTime = new Intl.DateTimeFormat(locale, { ...numericDay, hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23', timeZone: ZONE });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZone: ZONE });
  const date = new Intl.DateTimeFormat(locale, { ...numericDay, timeZone: 'UTC' });
  t.dateTime = (iso) => (iso ? dateTime.format(new Date(iso)) : '');
  t.time = (value) => time.format(value);
  /** A calendar day, 2026-11-26, as the language writes it. */
  t.day = (isoDay) => (isoDay ? date.format(new Date(isoDay + 'T00:00:00Z')) : '');
  t.age = (iso, now = Date.now()) => {
    const minutes = Math.floor((now - new Date(iso).getTime()) / 60000);
    if (minutes < 1) return t('age.justNow');
    if (minutes < 60) return t('age.minutes', { n: minutes });
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return t('age.hours', { n: hours });
    return t('age.days', { n: Math.floor(hours / 24) });
  };
  return t;
}

/** Today in Kazakhstan, as 2026-11-26 (the calendar referral due dates are in). */
export function todayInKazakhstan(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now);
}

/** The day `days` after an ISO day. */
export function addDays(isoDay, days) {
  const d = new Date(isoDay + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from one ISO day to another. */
export function daysBetween(fromDay, toDay) {
  return Math.round((new Date(toDay + 'T00:00:00Z') - new Date(fromDay + 'T00:00:00Z')) / 86400000);
}
