import { AppError, invalidInput } from '../platform/errors';
import { parseXml, XmlReadError } from '../ewp/xml';
import { validateEwpDocument } from '../ewp/validate';
import { readIiaGetResponse, type ReadIia } from './iia-xml';

/**
 * Reads a partner's copy of an agreement: their IIA get response file (as their system or the
 * EWP Dashboard exports it), checked against the official v7 schema, and the one IIA in it
 * between `ourHeiId` and `partnerHeiId` (the one naming `ourIiaId` when there are several).
 */
export async function readPartnerCopy(xml: string, ids: { ourHeiId: string; partnerHeiId: string; ourIiaId: string; partnerIiaId?: string }): Promise<ReadIia & { xml: string }> {
	let document;
	try {
		document = parseXml(xml);
	} catch (error) {
		if (error instanceof XmlReadError) throw invalidInput({ file: 'error_iia_xml_unreadable' }, 'error_iia_xml_unreadable');
		throw error;
	}
	const check = await validateEwpDocument(xml, 'iiasGetResponse');
	if (!check.valid) throw new AppError('invalid_input', 'error_iia_xml_schema_detail', { file: 'error_iia_xml_schema' }, { detail: check.errors[0] ?? '' });
	const between = readIiaGetResponse(document).filter((r) => {
		const heis = r.iia.partners.map((p) => p.heiId);
		return heis.includes(ids.ourHeiId) && heis.includes(ids.partnerHeiId);
	});
	const named = between.filter((r) => r.iia.partners.some((p) => p.heiId === ids.ourHeiId && p.iiaId === ids.ourIiaId) || (ids.partnerIiaId && r.iia.partners.some((p) => p.heiId === ids.partnerHeiId && p.iiaId === ids.partnerIiaId)));
	const chosen = between.length === 1 ? between : named;
	if (!between.length) throw new AppError('invalid_input', 'error_iia_xml_not_ours', { file: 'error_iia_xml_not_ours_short' }, { ours: ids.ourHeiId, partner: ids.partnerHeiId });
	if (chosen.length !== 1) throw new AppError('invalid_input', 'error_iia_xml_ambiguous', { file: 'error_iia_xml_ambiguous_short' }, { count: between.length });
	return { ...chosen[0]!, xml };
}
