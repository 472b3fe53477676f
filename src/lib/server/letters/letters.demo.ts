import { institutionDirectory } from '../institutions/institutions.views';
import type { Platform } from '../platform/context';
import { DEFAULT_TEMPLATES, LETTER_KINDS } from './letter-text';
import { letterTemplate } from './letters.tables';

const SIGNATORIES: Record<string, { name: string; title: Record<string, string> }> = {
	enu: {
		name: 'Aigul Seitova (demo)',
		title: { en: 'Head of the International Office', ru: 'Руководитель международного отдела', kk: 'Халықаралық бөлімнің басшысы', zh: '国际处处长' }
	},
	tongji: {
		name: '王芳 Wang Fang (demo)',
		title: { en: 'Director, International Students Office', ru: 'Директор отдела по работе с иностранными студентами', kk: 'Шетелдік студенттер бөлімінің директоры', zh: '留学生办公室主任' }
	}
};

/** ENU's and Tongji's letters with a (demo) signatory, so issued demo letters are signed. */
export async function seedDemoLetterTemplates(platform: Pick<Platform, 'db'>) {
	const owners = await platform.db.select({ id: institutionDirectory.id, slug: institutionDirectory.slug }).from(institutionDirectory);
	const rows = owners.flatMap((o) => {
		const signatory = SIGNATORIES[o.slug];
		return signatory ? LETTER_KINDS.map((kind) => ({ institutionId: o.id, kind, title: DEFAULT_TEMPLATES[kind].title, body: DEFAULT_TEMPLATES[kind].body, signatoryName: signatory.name, signatoryTitle: signatory.title })) : [];
	});
	if (rows.length) await platform.db.insert(letterTemplate).values(rows).onConflictDoNothing();
}
