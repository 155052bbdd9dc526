// Numbers a person reads are formatted here, once, where they are shown.

const moneyFormats = new Map();

/** 117500 in USD → "$117,500" (no decimals: bands are rounded to whole multiples). */
export function money(value, currency, { decimals = 0 } = {}) {
  if (value === null || value === undefined || value === '') return '–';
  const key = `${currency}/${decimals}`;
  if (!moneyFormats.has(key)) {
    let format;
    try {
      format = new Intl.NumberFormat(undefined, {
        style: 'currency', currency: currency || 'USD', minimumFractionDigits: decimals, maximumFractionDigits: decimals,
      });
    } catch (e) {
      format = new Intl.NumberFormat(undefined, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    }
    moneyFormats.set(key, format);
  }
  return moneyFormats.get(key).format(Number(value));
}

/** A plain number with at most {@code max} decimals. */
export function num(value, max = 2) {
  if (value === null || value === undefined || value === '') return '–';
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: max }).format(Number(value));
}

/** 0.05 → "5%"; 0.0512 → "5.1%". */
export function pct(value, max = 1) {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: max }).format(Number(value));
}

/** A signed change: +4,500 or −1.2%. */
export function signed(value, formatter = num) {
  if (value === null || value === undefined) return '–';
  const n = Number(value);
  const text = formatter(Math.abs(n));
  if (n > 0) return `+${text}`;
  if (n < 0) return `−${text}`;
  return text;
}

export function dateTime(iso) {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function date(iso) {
  if (!iso) return '–';
  const [y, m, d] = String(iso).slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}

/** How long ago: "3 days ago". */
export function ago(iso) {
  if (!iso) return 'never';
  const seconds = (Date.now() - new Date(iso).getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const steps = [[60, 'second'], [3600, 'minute', 60], [86400, 'hour', 3600], [86400 * 30, 'day', 86400],
    [86400 * 365, 'month', 86400 * 30], [Infinity, 'year', 86400 * 365]];
  for (const [limit, unit, size = 1] of steps) {
    if (Math.abs(seconds) < limit) return rtf.format(-Math.round(seconds / size), unit);
  }
  return dateTime(iso);
}

/** Today as yyyy-mm-dd in the browser's time zone. */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The engine's explanation messages carry raw doubles (177139.39999999997); shown, they are rounded
 * to 2 decimals (only float noise: 5 decimals or more), the rest kept as the engine wrote it.
 */
export function tidyMessage(text) {
  return String(text).replace(/-?\d+\.\d{5,}/g, (m) => {
    const rounded = Math.round(Number(m) * 100) / 100;
    return String(rounded);
  });
}

/** O*NET-SOC 15-1252.00 → SOC 15-1252, the code market data is filed under. */
export function socCode(code) {
  return code && code.length > 7 && code[7] === '.' ? code.slice(0, 7) : code;
}
