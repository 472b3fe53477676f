/**
 * Wall-clock times in a given time zone (editors schedule "9:00 in Astana", not in UTC).
 * Uses the runtime's time-zone data (Intl), so daylight-saving rules of EU partners hold too.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(timeZone: string, instant: number) {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
		formatters.set(timeZone, f);
	}
	const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
	return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds. */
function offsetAt(timeZone: string, instant: number) {
	return partsIn(timeZone, instant) - Math.floor(instant / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2027-03-01T09:00" in `timeZone` → the instant; null when the text is not a real date and time. */
export function zonedToInstant(local: string, timeZone: string): Date | null {
	const m = LOCAL.exec(local.trim());
	if (!m) return null;
	const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
	const asUtc = Date.UTC(y, mo - 1, d, h, mi);
	const check = new Date(asUtc);
	if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
	// Two passes settle the offset across a daylight-saving change.
	let instant = asUtc - offsetAt(timeZone, asUtc);
	instant = asUtc - offsetAt(timeZone, instant);
	return new Date(instant);
}

/** The instant as "YYYY-MM-DDTHH:mm" in `timeZone` (for datetime-local inputs). */
export function instantToZoned(instant: Date, timeZone: string): string {
	return new Date(partsIn(timeZone, instant.getTime())).toISOString().slice(0, 16);
}
