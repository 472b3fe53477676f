import { LOCALES } from '$lib/i18n/locales';
import { countryName } from '$lib/i18n/format';
import { resolveText } from '$lib/i18n/localized-text';
import { loadOrError, workspaceAction } from '$lib/server/http';
import { fromForm } from '$lib/server/partners/partners.schemas';
import { addContact, addUnit, getPartner, removeContact, removeUnit, updatePartner } from '$lib/server/partners/partners.service';
import { countryOptions } from '../partner-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const { ctx, locale } = event.locals;
	const { partner, units, contacts, isOwn } = await loadOrError(event, () => getPartner(ctx, institution.id, event.params.id));
	const text = (value: Parameters<typeof resolveText>[0]) => resolveText(value, locale)?.text ?? '';
	const unitName = new Map(units.map((u) => [u.id, text(u.name)]));
	return {
		added: event.url.searchParams.has('added'),
		isOwn,
		countries: countryOptions(locale),
		partner: { id: partner.id, heiId: partner.heiId, erasmusCode: partner.erasmusCode, name: text(partner.name), city: text(partner.city), country: countryName(partner.countryCode, locale), website: partner.website, onPlatform: !!partner.platformInstitutionId },
		/** The edit form's values, as its fields are named. */
		values: {
			heiId: partner.heiId,
			erasmusCode: partner.erasmusCode ?? '',
			countryCode: partner.countryCode,
			website: partner.website ?? '',
			version: String(partner.version),
			...Object.fromEntries(LOCALES.flatMap((l) => [[`name.${l}`, partner.name[l] ?? ''], [`city.${l}`, partner.city[l] ?? '']]))
		} as Record<string, string>,
		units: units.map((u) => ({ id: u.id, ounitId: u.ounitId, code: u.code, name: text(u.name) })),
		contacts: contacts.map((c) => ({ id: c.id, name: c.name, email: c.email, phone: c.phone, roles: c.roles, unit: c.unitId ? (unitName.get(c.unitId) ?? '') : null }))
	};
};

const partnerId = (event: { params: { id: string } }) => event.params.id;

export const actions: Actions = {
	update: (event) => workspaceAction(event, (ctx, institutionId, input, form) => updatePartner(ctx, institutionId, partnerId(event), fromForm(input, form, ['name', 'city'])), 'update'),
	addUnit: (event) => workspaceAction(event, (ctx, institutionId, input, form) => addUnit(ctx, institutionId, partnerId(event), fromForm(input, form, ['name'])), 'addUnit'),
	removeUnit: (event) => workspaceAction(event, (ctx, institutionId, input) => removeUnit(ctx, institutionId, input.unit ?? ''), 'removed'),
	addContact: (event) => workspaceAction(event, (ctx, institutionId, input, form) => addContact(ctx, institutionId, partnerId(event), fromForm(input, form)), 'addContact'),
	removeContact: (event) => workspaceAction(event, (ctx, institutionId, input) => removeContact(ctx, institutionId, input.contact ?? ''), 'removed')
};
