import { beforeAll, describe, expect, it } from 'vitest';
import { organiserAt, tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { translator } from '../../i18n';
import { instrumentWords } from '../../domain/study/instrument-words';
import { allItems } from '../../domain/study/questionnaire';
import { conditionsCatalogueId, defaultFrameworkId, ensureShippedFrameworks } from '../frameworks/default-framework';
import { listFrameworks } from '../frameworks/get-framework';
import { cellOf } from '../../domain/results/dashboard-view';
import { resultsOfStudy } from '../results/get-results';
import { pdfText } from '../../../../tests/helpers/pdf';
import { xlsxTexts } from '../../../../tests/helpers/xlsx';
import { resultsPdf } from '../results/exports/pdf';
import { buildSheets } from '../results/exports/sheets';
import { resultsXlsx } from '../results/exports/xlsx';
import { saveModule } from '../catalogue/save-module';
import { setModuleStatus } from '../catalogue/set-module-status';
import { createPlan } from '../planning/create-plan';
import { getPlan } from '../planning/get-plan';
import { getStudyDashboard } from '../results/get-study-dashboard';
import { loadCompetencePage, loadDashboard } from '../results/results-views';
import { runStudy } from '../results/test-fixtures';
import type { TenantContext } from '../tenant';
import { createInvitationBatch } from './create-invitation-batch';
import { changeStudyStatus } from './change-study-status';
import { createStudy } from './create-study';
import { getStudy } from './get-study';
import { openParticipation } from './open-participation';
import { defaultValues, frameworkChoice } from './study-form';

/*
 * The Rahmenbedingungen self-check (issue 16) is a study whose instrument is the shipped conditions
 * catalogue: created from the template, answered through the same questionnaire, evaluated by the
 * same results — speaking of conditions and dimensions instead of competences and areas.
 */

let t: TestDatabase;
let owner: TenantContext;
let catalogueId: string;
const de = translator('de');

beforeAll(async () => {
	t = await createTestDatabase();
	await ensureShippedFrameworks(t.db);
	catalogueId = (await conditionsCatalogueId(t.db))!;
	owner = await tenantAs(t.db, 'Stadt Selbstcheck', 'owner');
}, 120_000);

describe('the conditions catalogue as a template', () => {
	it('is kept once beside the competence framework, which stays the default', async () => {
		await ensureShippedFrameworks(t.db);
		const frameworks = await listFrameworks(owner);
		expect(frameworks.map((f) => [f.shipped, f.kind, f.competenceCount])).toEqual([
			[true, 'competences', 43],
			[true, 'conditions', 27]
		]);
		expect(frameworks[0].id).toBe(await defaultFrameworkId(t.db));
		expect(frameworks[1].id).toBe(catalogueId);
	});

	it('gives a new self-check its groups, the one horizon „heute“ and every condition', async () => {
		const choice = await frameworkChoice(owner, catalogueId);
		expect(choice.framework.kind).toBe('conditions');
		const values = defaultValues(choice.framework.id, choice.framework.areas, choice.framework.kind);
		expect(values.groups.split('\n')).toEqual(['verwaltung: Verwaltung', 'zivilgesellschaft: Stadtmacher*innen', 'politik: Politik', 'wirtschaft: Wirtschaft', 'kultur: Kultur']);
		expect(values.horizons.filter((h) => h.label !== '')).toEqual([{ key: 'heute', label: 'heute', years: '0' }]);
		expect(values.competences).toHaveLength(27);
		expect(values.measureProficiency).toBe(true);
		// A competence study keeps its three horizons.
		const competenceChoice = await frameworkChoice(owner, (await defaultFrameworkId(t.db))!);
		expect(defaultValues(competenceChoice.framework.id, competenceChoice.framework.areas, competenceChoice.framework.kind).horizons.filter((h) => h.label !== '')).toHaveLength(3);
	});
});

describe('a self-check run end to end', () => {
	it('asks a participant how it is today and how important it is, condition by condition', async () => {
		const { id } = await createStudy(owner, { title: 'Selbstcheck Fragebogen', frameworkId: catalogueId, competences: ['R1.1', 'R3.1'], groups: [{ key: 'verwaltung', label: 'Verwaltung' }], horizons: [{ key: 'heute', label: 'heute', years: 0 }] });
		await changeStudyStatus(owner, id, 'open');
		const { tokens } = await createInvitationBatch(owner, { studyId: id, group: 'verwaltung', count: 1, baseUrl: 'https://stadtwissen.test' });
		const participation = await openParticipation(t.db, tokens[0], '192.0.2.7');
		expect(participation.pages.map((page) => [page.instrument, page.areaCode, page.title_de])).toEqual([
			['conditions', 'R1', 'Anlaufstelle und Lotsen'],
			['conditions', 'R3', 'Räume und rechtliche Wege']
		]);
		const words = instrumentWords(participation.pages[0].instrument);
		const questions = allItems(participation.pages).map((item) => (item.measure === 'proficiency' ? de(words.proficiencyQuestion) : de(words.importanceQuestion)));
		expect(questions).toEqual(['So ist es bei uns heute:', 'So wichtig ist es uns:', 'So ist es bei uns heute:', 'So wichtig ist es uns:']);
		expect(participation.pages[1].competences[0].title_de).toBe('Es gibt eine feste Ansprechperson in der Verwaltung für Zwischennutzungen.');
	});

	it('shows where administration and city makers see a condition differently, with dimension, condition and first steps', async () => {
		const today = (group: string) => (group === 'verwaltung' ? 4 : 2);
		const { id } = await runStudy(t.db, owner, {
			title: 'Selbstcheck 2026',
			frameworkId: catalogueId,
			competences: ['R1.1', 'R1.2', 'R3.1'],
			groups: [
				{ key: 'verwaltung', label: 'Verwaltung', participants: 6 },
				{ key: 'zivilgesellschaft', label: 'Stadtmacher*innen', participants: 6 }
			],
			value: ({ group, measure, person }) => (measure === 'proficiency' ? today(group) : ((4 + (person % 2)) as 4 | 5))
		});
		const study = await getStudy(owner, id);
		expect(study.horizons.map((h) => h.key)).toEqual(['heute']);
		const page = await loadDashboard(t.db, study, new URL('http://stadtwissen.test/app/analysen/x/ergebnisse'), 'de');
		if (page.state !== 'results') throw new Error('expected results');
		expect(page.setting.instrument).toBe('conditions');
		expect(page.setting.areas).toEqual([
			{ code: 'R1', title: 'Anlaufstelle und Lotsen' },
			{ code: 'R3', title: 'Räume und rechtliche Wege' }
		]);
		const words = instrumentWords(page.setting.instrument);
		expect([de(words.item), de(words.itemsTitle), de(words.proficiencyLabel)]).toEqual(['Bedingung', 'Alle Bedingungen im Einzelnen', 'So ist es bei uns heute']);

		// The administration sees the contact point at 4, the city makers at 2: no answer of one side overlaps the other's (Cliff's delta 1).
		const results = await resultsOfStudy(t.db, study);
		expect(cellOf(results, 'R1.1', 'proficiency', null, 'verwaltung')).toMatchObject({ n: 6, mean: 4 });
		expect(cellOf(results, 'R1.1', 'proficiency', null, 'zivilgesellschaft')).toMatchObject({ n: 6, mean: 2 });
		const contact = page.view.disagreement.find((row) => row.code === 'R1.1' && row.measure === 'proficiency')!;
		expect(contact).toMatchObject({ higherGroup: 'verwaltung', lowerGroup: 'zivilgesellschaft', delta: 1, magnitude: 'large' });
		expect(contact.title).toBe('Es gibt eine feste Ansprechperson in der Verwaltung für Stadtmacher*innen.');

		// The result files speak the same words: Bedingung, Dimension, „So ist es bei uns heute“.
		const cells = buildSheets({ results, setting: page.setting, locale: 'de', createdAt: new Date() }).find((sheet) => sheet.key === 'einzelwerte')!;
		expect(cells.columns.map((c) => c.header).slice(1, 4)).toEqual(['Bedingung', 'Dimension', expect.any(String)]);
		expect(JSON.stringify(cells.rows)).toContain('So ist es bei uns heute');

		const condition = await loadCompetencePage(t.db, study, 'R3.1', new URL('http://stadtwissen.test/app/analysen/x/ergebnisse/R3.1'), 'de');
		expect(condition.competence).toMatchObject({ areaCode: 'R3', areaTitle: 'Räume und rechtliche Wege' });
		expect(condition.competence.firstSteps).toMatch(/^Geben Sie einer Person den Auftrag für Zwischennutzungen\./);
		expect(de(words.areaOf, { area: 'R3 Räume und rechtliche Wege' })).toBe('Dimension: R3 Räume und rechtliche Wege');

		// The downloads, read back: the PDF report and every XLSX sheet speak of conditions, never of competences.
		const input = { results, setting: page.setting, locale: 'de' as const, createdAt: new Date() };
		const pdf = pdfText((await resultsPdf(input, { compress: false })).body as Uint8Array);
		expect(pdf).toContain('So ist es bei uns heute');
		expect(pdf).toContain('Bedingung');
		expect(pdf).not.toMatch(/Kompetenz|beherrsch/i);
		const written = await xlsxTexts((await resultsXlsx(input)).body as Uint8Array);
		expect(written).toContain('Bedingung');
		expect(written.filter((text) => /Kompetenz|beherrsch/i.test(text))).toEqual([]);
	});
});

describe('weak conditions on the results page', () => {
	it('show their first steps, the published modules that address them and the way into the Qualifizierungsplan', async () => {
		// Everyone sees the contact point (R1.1) at 2 and the answer time (R1.2) at 2,5; interim use (R3.1) at 4 is not weak.
		const { id } = await runStudy(t.db, owner, {
			title: 'Selbstcheck mit Schwächen',
			frameworkId: catalogueId,
			competences: ['R1.1', 'R1.2', 'R3.1'],
			groups: [
				{ key: 'verwaltung', label: 'Verwaltung', participants: 6 },
				{ key: 'zivilgesellschaft', label: 'Stadtmacher*innen', participants: 6 }
			],
			// Items in questionnaire order: „heute“, then importance per condition.
			value: ({ measure, item, person }) => (measure === 'importance' ? 5 : item === 0 ? 2 : item === 2 ? ((2 + (person % 2)) as 2 | 3) : 4)
		});
		const published = await saveModule(owner, { title: 'Lotsen für Stadtmacher*innen', format: 'workshop', frameworkId: catalogueId, competences: [{ code: 'R1.1', level: 'anwenden' }] });
		await setModuleStatus(owner, published.id, 'published');
		await saveModule(owner, { title: 'Noch ein Entwurf', format: 'workshop', frameworkId: catalogueId, competences: [{ code: 'R1.1', level: 'kennenlernen' }] });
		const organiser = { ...organiserAt(owner), locale: 'de' as const };
		const page = await getStudyDashboard(organiser, id, new URL('http://stadtwissen.test/'));
		if (page.state !== 'results') throw new Error('expected results');
		const weak = page.view.selfCheck!.weak;
		expect(weak.map((c) => [c.code, c.mean])).toEqual([
			['R1.1', 2],
			['R1.2', 2.5]
		]);
		expect(weak[0].firstSteps).toMatch(/\S/);
		expect(weak[0].modules).toEqual([{ id: published.id, title: 'Lotsen für Stadtmacher*innen' }]);
		expect(weak[1].modules).toEqual([]);
		expect(page.view.selfCheck!.plan).toBeNull();
		const plan = await createPlan(organiser, { studyId: id });
		const again = await getStudyDashboard(organiser, id, new URL('http://stadtwissen.test/'));
		expect(again.state === 'results' && again.view.selfCheck!.plan).toEqual({ id: plan.id });

		// The plan prioritises the weak conditions, not the gap rule: interim use (R3.1, importance 5, today 4) has a gap of 1 but is not weak.
		const planned = await getPlan(organiser, plan.id);
		expect(planned.instrument).toBe('conditions');
		expect(planned.gaps.map((g) => [g.competence, g.selectedBy, g.status, g.covered])).toEqual([
			['R1.1', 'rule', 'prioritised', true],
			['R1.2', 'rule', 'prioritised', false]
		]);
		expect(planned.otherGaps.map((g) => [g.competence, g.gap])).toEqual([['R3.1', 1]]);
		expect(planned.coverageSentence).toMatch(/^1 von 2 /);
	});
});

