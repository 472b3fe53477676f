import { inflateRaw } from 'node:zlib';

/**
 * The parts of an uploaded XLSX file (a ZIP archive), unpacked within limits before any XLSX
 * parser sees them. A 300 kB archive can inflate to gigabytes, and the sizes a ZIP declares are
 * whatever its author wrote, so every part is inflated with a hard cap on its output (zlib's
 * `maxOutputLength`, set to what is left of the budget), on zlib's thread pool. Only the XML
 * parts a workbook is made of are unpacked (images and printer settings are skipped unread).
 *
 * The parser then gets a new archive of just those parts, stored uncompressed: it reads exactly
 * the bytes counted here, not its own view of the upload (a streaming reader follows the local
 * headers, this one the central directory; a crafted file can make the two disagree).
 */
export const MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024;
export const MAX_XLSX_ENTRIES = 1000;

/** `unreadable`: not a ZIP archive we can read; `too_big`: over the limits above. */
export class XlsxArchiveError extends Error {
	constructor(readonly reason: 'unreadable' | 'too_big') {
		super(`xlsx archive: ${reason}`);
		this.name = 'XlsxArchiveError';
	}
}

interface Part {
	/** The name as the archive spells it (bytes; bit 11 of `flags` says UTF-8). */
	name: Buffer;
	flags: number;
	crc: number;
	data: Buffer;
}

const END = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UTF8_NAME = 0x0800;
const wanted = (name: string) => !name.endsWith('/') && (name.endsWith('.xml') || name.endsWith('.rels'));

const unreadable = () => new XlsxArchiveError('unreadable');
const tooBig = () => new XlsxArchiveError('too_big');

function inflate(data: Buffer, maxOutputLength: number): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		inflateRaw(data, { maxOutputLength }, (err, out) => {
			if (!err) resolve(out);
			else reject((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? tooBig() : unreadable());
		})
	);
}

/** Unpacks the workbook's XML parts, at most MAX_XLSX_UNPACKED_BYTES of them together. */
export async function unpackXlsxParts(bytes: Uint8Array): Promise<Part[]> {
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const u16 = (at: number) => (at + 2 <= buf.length ? buf.readUInt16LE(at) : NaN);
	const u32 = (at: number) => (at + 4 <= buf.length ? buf.readUInt32LE(at) : NaN);

	// The end record: the last one in the file (it may be followed by a comment of up to 64 kB).
	const lowest = Math.max(0, buf.length - 22 - 0xffff);
	let end = buf.length - 22;
	while (end >= lowest && buf.readUInt32LE(end) !== END) end--;
	if (end < lowest) throw unreadable();
	const count = u16(end + 10);
	const directoryAt = u32(end + 16);
	// ZIP64 markers: no spreadsheet under the upload limit needs them.
	if (count === 0xffff || directoryAt === 0xffffffff) throw unreadable();
	if (count > MAX_XLSX_ENTRIES) throw tooBig();

	const entries: { name: Buffer; flags: number; method: number; crc: number; packed: number; size: number; offset: number }[] = [];
	let at = directoryAt;
	for (let i = 0; i < count; i++) {
		if (u32(at) !== CENTRAL) throw unreadable();
		const nameLength = u16(at + 28);
		const name = buf.subarray(at + 46, at + 46 + nameLength);
		if (name.length !== nameLength) throw unreadable();
		if (wanted(name.toString('latin1'))) {
			entries.push({ name, flags: u16(at + 8), method: u16(at + 10), crc: u32(at + 16), packed: u32(at + 20), size: u32(at + 24), offset: u32(at + 42) });
		}
		at += 46 + nameLength + u16(at + 30) + u16(at + 32);
	}
	// What the archive declares is checked first (cheap), what it really holds as it inflates.
	if (entries.reduce((sum, e) => sum + e.size, 0) > MAX_XLSX_UNPACKED_BYTES) throw tooBig();

	const parts: Part[] = [];
	let total = 0;
	for (const entry of entries) {
		if (entry.flags & 0x1) throw unreadable(); // encrypted
		if (u32(entry.offset) !== LOCAL) throw unreadable();
		const start = entry.offset + 30 + u16(entry.offset + 26) + u16(entry.offset + 28);
		const packed = buf.subarray(start, start + entry.packed);
		if (packed.length !== entry.packed) throw unreadable();
		const left = MAX_XLSX_UNPACKED_BYTES - total;
		let data: Buffer;
		if (entry.method === 0) data = packed;
		else if (entry.method === 8) data = await inflate(packed, Math.max(1, left));
		else throw unreadable();
		total += data.length;
		if (total > MAX_XLSX_UNPACKED_BYTES) throw tooBig();
		parts.push({ name: entry.name, flags: entry.flags & UTF8_NAME, crc: entry.crc, data });
	}
	return parts;
}

/**
 * A ZIP archive of the parts, stored (not compressed), in a buffer of its own (never Node's
 * shared pool) so that it can be handed over to a worker thread. The CRCs are the archive's
 * own; the reader does not check them.
 */
export function storedZip(parts: Part[]): Buffer {
	const size = parts.reduce((sum, p) => sum + 30 + p.name.length + p.data.length + 46 + p.name.length, 22);
	const out = Buffer.alloc(size);
	const directory: { part: Part; offset: number }[] = [];
	let at = 0;
	for (const part of parts) {
		directory.push({ part, offset: at });
		out.writeUInt32LE(LOCAL, at);
		out.writeUInt16LE(20, at + 4); // version needed
		out.writeUInt16LE(part.flags, at + 6);
		out.writeUInt16LE(0, at + 8); // stored
		out.writeUInt32LE(0x00210000, at + 10); // time 00:00, date 1980-01-01
		out.writeUInt32LE(part.crc, at + 14);
		out.writeUInt32LE(part.data.length, at + 18);
		out.writeUInt32LE(part.data.length, at + 22);
		out.writeUInt16LE(part.name.length, at + 26);
		out.writeUInt16LE(0, at + 28);
		part.name.copy(out, at + 30);
		part.data.copy(out, at + 30 + part.name.length);
		at += 30 + part.name.length + part.data.length;
	}
	const directoryAt = at;
	for (const { part, offset } of directory) {
		out.writeUInt32LE(CENTRAL, at);
		out.writeUInt16LE(20, at + 4); // made by
		out.writeUInt16LE(20, at + 6); // version needed
		out.writeUInt16LE(part.flags, at + 8);
		out.writeUInt16LE(0, at + 10);
		out.writeUInt32LE(0x00210000, at + 12);
		out.writeUInt32LE(part.crc, at + 16);
		out.writeUInt32LE(part.data.length, at + 20);
		out.writeUInt32LE(part.data.length, at + 24);
		out.writeUInt16LE(part.name.length, at + 28);
		// extra, comment, disk, attributes: zero
		out.writeUInt32LE(offset, at + 42);
		part.name.copy(out, at + 46);
		at += 46 + part.name.length;
	}
	out.writeUInt32LE(END, at);
	out.writeUInt16LE(parts.length, at + 8);
	out.writeUInt16LE(parts.length, at + 10);
	out.writeUInt32LE(at - directoryAt, at + 12);
	out.writeUInt32LE(directoryAt, at + 16);
	return out;
}
