import { randomUUID } from 'node:crypto';
import { authorizeInstitution } from '../access/policy';
import type { ServiceContext } from '../platform/context';
import { invalidInput } from '../platform/errors';
import { isHeiId, normalizeHeiId } from '$lib/ewp/ids';
import { NS } from '../ewp/host-xml';
import { validateEwpDocument } from '../ewp/validate';
import { childElements, textOf } from '../ewp/xml';
import { callPartner } from './client';
import { publishedHostOfInstitution } from './hosts.service';

export const ECHO_API = { entryNs: NS.echoEntry, name: 'echo', major: 2, urlElement: 'url', label: 'echo' } as const;

export type EchoCheck = { ok: true; heiIds: string[] } | { ok: false; reason: string };

/**
 * The "call Echo on a partner" check of the EWP page: a signed request to the partner's Echo
 * API with a fresh value, whose answer must be signed by the partner's server, valid against
 * the Echo schema, repeat the value and name our HEI as the caller.
 */
export async function echoPartner(ctx: ServiceContext, institutionId: string, input: { heiId?: unknown }): Promise<EchoCheck> {
	authorizeInstitution(ctx.actor, 'ewp.manage', institutionId);
	const heiId = normalizeHeiId(typeof input.heiId === 'string' ? input.heiId : '');
	if (!isHeiId(heiId)) throw invalidInput({ heiId: 'error_hei_id_invalid' });
	const host = await publishedHostOfInstitution(ctx, institutionId);
	if (!host) throw invalidInput({}, 'error_ewp_off');
	const value = randomUUID();
	const answer = await callPartner(ctx, host, heiId, ECHO_API, [['echo', value]]);
	if (!answer.ok) return { ok: false, reason: answer.reason };
	const check = await validateEwpDocument(answer.xml, 'hostDocuments');
	if (!check.valid || answer.root.ns !== NS.echoResponse || answer.root.name !== 'response') return { ok: false, reason: `the answer is not an Echo response: ${check.errors[0] ?? answer.root.name}` };
	const echoes = childElements(answer.root, 'echo').map(textOf);
	const heiIds = childElements(answer.root, 'hei-id').map(textOf);
	if (!echoes.includes(value)) return { ok: false, reason: 'the answer does not repeat the value sent' };
	if (!heiIds.includes(host.heiId)) return { ok: false, reason: `the partner does not see this host as ${host.heiId} (its registry may not list our key yet)` };
	return { ok: true, heiIds };
}
