// The first load of a page as a browser measures it: Chromium with an empty cache opens the page
// and waits until the network is idle; every request is counted with the bytes it took on the
// wire (headers and the compressed body, Chrome's `encodedDataLength`).
import { chromium } from '@playwright/test';

export interface FirstLoad {
	requests: number;
	scripts: number;
	kb: number;
	htmlKb: number;
}

export async function measureFirstLoads(base: string, pathnames: string[]) {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
	});
	const results = new Map<string, FirstLoad>();
	try {
		for (const pathname of pathnames) {
			const context = await browser.newContext();
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Network.enable');
			await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
			const types = new Map<string, string>();
			let bytes = 0;
			let html = 0;
			let requests = 0;
			let scripts = 0;
			cdp.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
			cdp.on('Network.loadingFinished', (event) => {
				requests++;
				bytes += event.encodedDataLength;
				const type = types.get(event.requestId);
				if (type === 'Script') scripts++;
				if (type === 'Document') html += event.encodedDataLength;
			});
			await page.goto(base + pathname, { waitUntil: 'networkidle' });
			results.set(pathname, { requests, scripts, kb: bytes / 1024, htmlKb: html / 1024 });
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return results;
}
