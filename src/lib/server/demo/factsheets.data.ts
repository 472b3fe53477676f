import type { LocalizedText } from '$lib/i18n/localized-text';
import type { institutionFactsheet } from '../institutions/factsheet.tables';
import { DEMO_INSTITUTIONS } from './demo.data';

/** Demo key figures and EWP factsheet data for the consortium (approximate; marked demo with the institution). */
const FIGURES: Record<string, [founded: number, students: number, international: number]> = {
	upc: [1971, 30_000, 4_000], kth: [1827, 13_000, 2_500], taltech: [1918, 9_000, 1_500], ist: [1911, 11_000, 1_600],
	urv: [1991, 15_000, 1_800], upvd: [1970, 9_000, 1_200], buaa: [1952, 37_000, 2_500], tongji: [1907, 40_000, 3_000],
	enu: [1996, 25_000, 1_500], narxoz: [1963, 7_000, 300], kmu: [1950, 8_000, 1_200], kazuefit: [1998, 5_000, 150]
};

const ACCOMMODATION: Record<'KZ' | 'CN' | 'EU', LocalizedText> = {
	KZ: {
		en: 'Places in university dormitories (KZT 20,000–45,000 a month) are reserved for incoming students who ask before arrival; a medical certificate is needed to move in.',
		ru: 'Места в общежитиях (20 000–45 000 тенге в месяц) бронируются для приезжающих студентов, подавших заявку до приезда; для заселения нужна медицинская справка.',
		kk: 'Жатақханалардағы орындар (айына 20 000–45 000 теңге) келгенге дейін өтінім берген студенттерге брондалады; қоныстану үшін медициналық анықтама қажет.',
		zh: '学校宿舍床位（每月 20,000–45,000 坚戈）为抵达前提出申请的来访学生预留；入住需提供体检证明。'
	},
	CN: {
		en: 'International student dormitories on campus (RMB 500–3,000 a month); off-campus renters register with the police within 24 hours.',
		ru: 'Общежития для иностранных студентов в кампусе (500–3 000 юаней в месяц); живущие вне кампуса регистрируются в полиции в течение 24 часов.',
		kk: 'Кампустағы шетелдік студенттер жатақханалары (айына 500–3 000 юань); кампустан тыс тұратындар 24 сағат ішінде полицияда тіркеледі.',
		zh: '校内留学生公寓（每月 500–3000 元）；校外租房者须在 24 小时内到派出所办理住宿登记。'
	},
	EU: {
		en: 'The housing office helps exchange students find a room in residences or shared flats; apply early for the autumn term.',
		ru: 'Жилищная служба помогает студентам по обмену найти комнату в общежитии или общей квартире; на осенний семестр подавайте заявку заранее.',
		kk: 'Тұрғын үй қызметі алмасу студенттеріне жатақханадан немесе ортақ пәтерден бөлме табуға көмектеседі; күзгі семестрге ертерек өтінім беріңіз.',
		zh: '住房办公室帮助交换生在学生公寓或合租公寓找到房间；秋季学期请尽早申请。'
	}
};

export function demoFactsheets(ids: Map<string, string>): (typeof institutionFactsheet.$inferInsert)[] {
	return DEMO_INSTITUTIONS.flatMap((inst) => {
		const institutionId = ids.get(inst.slug);
		if (!institutionId) return [];
		const region = inst.countryCode === 'KZ' ? 'KZ' : inst.countryCode === 'CN' ? 'CN' : 'EU';
		const [foundedYear, students, internationalStudents] = FIGURES[inst.slug] ?? [null, null, null];
		const email = `incoming.${inst.slug}@example.org`;
		const hasWelcomeCentre = ['enu', 'narxoz', 'kth', 'tongji'].includes(inst.slug);
		return [
			{
				institutionId,
				foundedYear,
				students,
				internationalStudents,
				instructionLanguages: region === 'KZ' ? ['kk', 'ru', 'en'] : region === 'CN' ? ['zh', 'en'] : ['en'],
				internationalOffice: { email, url: `${inst.website}`, address: inst.city },
				welcomeCentre: hasWelcomeCentre ? { email: `welcome.${inst.slug}@example.org`, hours: { en: 'Monday–Friday 9:00–18:00', ru: 'Понедельник–пятница 9:00–18:00', kk: 'Дүйсенбі–жұма 9:00–18:00', zh: '周一至周五 9:00–18:00' } } : {},
				services: hasWelcomeCentre
					? ['visa_support', 'airport_pickup', 'accommodation', 'migration_registration', 'insurance', 'buddy', 'orientation', 'bank_sim', 'family_support']
					: ['visa_support', 'accommodation', 'orientation'],
				nominationDeadlineAutumn: region === 'CN' ? '04-30' : '05-15',
				nominationDeadlineSpring: region === 'CN' ? '10-31' : '10-15',
				applicationDeadlineAutumn: region === 'CN' ? '05-31' : '06-15',
				applicationDeadlineSpring: region === 'CN' ? '11-30' : '11-15',
				applicationInfo: { email, url: `${inst.website}` },
				additionalRequirements: region === 'EU' ? ['motivation_letter', 'transcript', 'language_certificate', 'cv'] : ['motivation_letter', 'transcript', 'language_certificate'],
				decisionWeeksLimit: 4,
				transcriptWeeksLimit: 5,
				housingInfo: { email },
				visaInfo: { email },
				insuranceInfo: { email },
				accommodation: ACCOMMODATION[region]
			}
		];
	});
}
