import sharp from 'sharp';

/**
 * Responsive copies of an uploaded image: turned upright by its EXIF orientation, then every
 * width below (never enlarged) in WebP and JPEG. sharp writes no metadata unless asked, so
 * EXIF (camera, GPS position, dates) is gone from every copy; the original is not kept.
 */
export const IMAGE_WIDTHS = [320, 640, 1280] as const;
/** Decompression-bomb guard: refuse images above 40 megapixels. */
const MAX_PIXELS = 40_000_000;

export interface ProcessedImage {
	width: number;
	height: number;
	variants: { width: number; height: number; format: 'webp' | 'jpeg'; body: Uint8Array }[];
}

export async function processImage(bytes: Uint8Array): Promise<ProcessedImage> {
	const upright = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error', animated: false }).rotate();
	const { data: normalised, info } = await upright.toBuffer({ resolveWithObject: true });
	const widths = [...new Set([...IMAGE_WIDTHS.filter((w) => w < info.width), Math.min(info.width, IMAGE_WIDTHS.at(-1)!)])];
	const variants: ProcessedImage['variants'] = [];
	for (const width of widths) {
		const resized = sharp(normalised).resize({ width, withoutEnlargement: true });
		const webp = await resized.clone().webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
		const jpeg = await resized.clone().flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer({ resolveWithObject: true });
		variants.push({ width: webp.info.width, height: webp.info.height, format: 'webp', body: new Uint8Array(webp.data) });
		variants.push({ width: jpeg.info.width, height: jpeg.info.height, format: 'jpeg', body: new Uint8Array(jpeg.data) });
	}
	return { width: info.width, height: info.height, variants };
}

/**
 * An uploaded scan or photo without its metadata (camera, GPS position, dates), upright, in
 * its own format: re-encoded, because sharp writes no metadata unless asked. JPEG and WebP at
 * a quality where text in a scan stays sharp; PNG stays lossless.
 */
export async function withoutMetadata(bytes: Uint8Array, format: 'jpeg' | 'png' | 'webp'): Promise<Uint8Array> {
	const upright = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error', animated: false }).rotate();
	const encoded = format === 'jpeg' ? upright.jpeg({ quality: 92, mozjpeg: true }) : format === 'png' ? upright.png({ compressionLevel: 9 }) : upright.webp({ quality: 92 });
	return new Uint8Array(await encoded.toBuffer());
}
