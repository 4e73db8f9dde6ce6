const ZERO = 48;

/** A schedule's time of day normalized to `HH:MM` (what `ShiftSchema` expects), or null when it is not one. */
export function parseTimeOfDay(text: string): string | null {
  const t = text.trim();
  const colon = t.indexOf(':');
  if (colon !== 1 && colon !== 2) return null;
  let hour = 0;
  for (let i = 0; i < colon; i++) {
    const d = t.charCodeAt(i) - ZERO;
    if (!(d >= 0 && d <= 9)) return null;
    hour = hour * 10 + d;
  }
  const m1 = t.charCodeAt(colon + 1) - ZERO;
  const m2 = t.charCodeAt(colon + 2) - ZERO;
  if (!(m1 >= 0 && m1 <= 5 && m2 >= 0 && m2 <= 9)) return null;
  const rest = t.slice(colon + 3);
  if (rest !== '' && rest !== ':00') return null;
  const minute = m1 * 10 + m2;
  if (hour > 24 || (hour === 24 && minute !== 0)) return null;
  return `${hour < 10 ? '0' : ''}${hour}:${t.slice(colon + 1, colon + 3)}`;
}
