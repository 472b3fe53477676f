import { answerEwpRequest, MAX_EWP_BODY_BYTES } from '$lib/server/ewp-node/gateway';
import { errorResponseXml } from '$lib/server/ewp/host-xml';
import type { RequestHandler } from './$types';

/** Every API of our EWP hosts: authenticated, answered and signed by the gateway. */
const answer: RequestHandler = async ({ params, request, url, locals }) => {
	const declared = Number(request.headers.get('content-length') ?? 0);
	const body = declared > MAX_EWP_BODY_BYTES ? null : new Uint8Array(await request.arrayBuffer());
	if (!body || body.byteLength > MAX_EWP_BODY_BYTES) return new Response(errorResponseXml('The request body is larger than 1 MB.'), { status: 413, headers: { 'content-type': 'application/xml; charset=utf-8' } });
	const response = await answerEwpRequest(locals.ctx, {
		heiId: params.hei.toLowerCase(),
		path: params.api,
		method: request.method,
		url,
		headers: Object.fromEntries(request.headers.entries()),
		body
	});
	return new Response(response.body, { status: response.status, headers: response.headers });
};

export const GET = answer;
export const POST = answer;
export const fallback = answer;
