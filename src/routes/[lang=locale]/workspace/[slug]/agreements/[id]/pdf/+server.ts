import { error } from '@sveltejs/kit';
import { agreementPdfInput, renderAgreementPdf } from '$lib/server/agreements/agreement-pdf';
import { editorChoices, getAgreement } from '$lib/server/agreements/agreements.service';
import { handleServiceError } from '$lib/server/http';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import type { RequestHandler } from './$types';

/** The agreement's current version as a printable PDF in the page's language; another institution's answers 404. */
export const GET: RequestHandler = async (event) => {
	const { ctx, locale } = event.locals;
	try {
		const inst = await getInstitutionForWorkspace(ctx, event.params.slug);
		const { agreement, partner } = await getAgreement(ctx, inst.id, event.params.id);
		const { own } = await editorChoices(ctx, inst.id, null);
		const pdf = await renderAgreementPdf(agreementPdfInput(agreement, own, partner, locale), locale);
		const heiId = partner.partner.heiId.replace(/[^A-Za-z0-9._-]/g, '_');
		return new Response(pdf as BodyInit, {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': `inline; filename="agreement-${heiId}-v${agreement.version}.pdf"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (err) {
		const handled = handleServiceError(event, err);
		error(handled.status, handled.data.message);
	}
};
