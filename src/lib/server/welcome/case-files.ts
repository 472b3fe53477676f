import { fileTypeFromBuffer } from 'file-type';
import type { MessageKey } from '$lib/i18n/messages';
import { withoutMetadata } from '../media/images';
import type { ServiceContext } from '../platform/context';

/**
 * Files people upload to a case (passport scans, certificates, attachments): checked by their
 * content, not their name, and kept outside the public media library under `cases/<case>/`.
 */
export const MAX_CASE_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_FIELD = 5;
const ALLOWED = new Map([
	['application/pdf', 'pdf'],
	['image/jpeg', 'jpg'],
	['image/png', 'png'],
	['image/webp', 'webp']
]);
/**
 * HEIC (iPhone photos) is refused with its own message: most staff browsers cannot show it, and its
 * metadata (GPS) cannot be removed without decoding it. Safari sends a JPEG instead when the form
 * does not ask for HEIC, so iPhone users rarely meet the message.
 */
const HEIF = new Set(['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence']);

export interface IncomingFile {
	name: string;
	bytes: Uint8Array;
}

export interface CheckedFile extends IncomingFile {
	mime: string;
	extension: string;
}

/** The non-empty files of a form field (a browser sends an empty part when none was chosen). */
export async function filesOf(form: FormData | undefined, field: string): Promise<IncomingFile[]> {
	if (!form) return [];
	const parts = form.getAll(field).filter((v): v is File => typeof v !== 'string' && v.size > 0);
	return Promise.all(parts.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** Checks each file; the first problem is the field's error. */
export async function checkFiles(files: IncomingFile[]): Promise<{ files: CheckedFile[]; error: MessageKey | null }> {
	if (files.length > MAX_FILES_PER_FIELD) return { files: [], error: 'error_too_many_files' };
	const checked: CheckedFile[] = [];
	for (const file of files) {
		if (file.bytes.byteLength > MAX_CASE_FILE_BYTES) return { files: [], error: 'error_upload_too_large' };
		const type = await fileTypeFromBuffer(file.bytes);
		if (type && HEIF.has(type.mime)) return { files: [], error: 'error_upload_heic' };
		const extension = type ? ALLOWED.get(type.mime) : undefined;
		if (!type || !extension) return { files: [], error: 'error_upload_type' };
		// Photos and scans lose their metadata (a phone's GPS position among it) before they are kept.
		const format = ({ 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const)[type.mime as string];
		let bytes = file.bytes;
		if (format) {
			try {
				bytes = await withoutMetadata(file.bytes, format);
			} catch {
				return { files: [], error: 'error_upload_type' };
			}
		}
		checked.push({ ...file, bytes, mime: type.mime, extension });
	}
	return { files: checked, error: null };
}

/** A file name safe for a Content-Disposition header and a listing. */
export const safeFileName = (name: string, extension: string) => {
	const base = name.replace(/[\p{Cc}"\\/]/gu, '').trim().slice(0, 150);
	return base || `file.${extension}`;
};

/** Stores the files of one case; returns their rows (without the case event). */
export async function storeCaseFiles(ctx: ServiceContext, caseId: string, files: { documentKey: string; file: CheckedFile }[]) {
	const stored = files.map(({ documentKey, file }) => {
		const id = crypto.randomUUID();
		return { id, documentKey, fileName: safeFileName(file.name, file.extension), mime: file.mime, bytes: file.bytes.byteLength, storageKey: `cases/${caseId}/${id}.${file.extension}`, body: file.bytes };
	});
	await Promise.all(stored.map((f) => ctx.media.put(f.storageKey, f.body, f.mime)));
	return stored.map(({ body: _body, ...row }) => row);
}
