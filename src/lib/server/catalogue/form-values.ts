import { berlinDateInput, berlinTimeInput } from '../../format/berlin-time';
import type { ModuleRow, SessionRow } from './module-views';
import type { FacilitatorView } from './module-views';

/** A module as the values of its edit form (the same field names the form posts). */
export function moduleFormValues(module: ModuleRow, facilitators: FacilitatorView[]): Record<string, string> {
	const values: Record<string, string> = {
		title: module.title,
		subtitle: module.subtitle,
		description: module.descriptionSource,
		learningGoals: module.learningGoals.join('\n'),
		format: module.format,
		duration: module.durationMinutes === null ? '' : String(module.durationMinutes / 60).replace('.', ','),
		language: module.language,
		targetGroups: module.targetGroups.join(' '),
		price: module.priceCents === 0 ? '' : (module.priceCents / 100).toFixed(2).replace('.', ','),
		retentionMonths: module.retentionMonths === null ? '' : String(module.retentionMonths)
	};
	if (module.notifyOnRegistration) values.notifyOnRegistration = 'yes';
	for (const competence of module.competences) values[`level:${competence.code}`] = competence.level;
	module.registrationQuestions.forEach((q, i) => {
		values[`rq${i}_id`] = q.id;
		values[`rq${i}_label`] = q.label;
		values[`rq${i}_kind`] = q.kind;
		values[`rq${i}_options`] = q.options.join('\n');
		if (q.required) values[`rq${i}_required`] = 'yes';
	});
	facilitators.forEach((f, i) => {
		values[`f${i}_name`] = f.name;
		values[`f${i}_organisation`] = f.organisation;
		values[`f${i}_sector`] = f.sector;
		values[`f${i}_bio`] = f.bio;
	});
	return values;
}

/** A session as the values of its edit form. */
export function sessionFormValues(session: SessionRow): Record<string, string> {
	const values: Record<string, string> = {
		location: session.location,
		onlineUrl: session.onlineUrl,
		capacity: String(session.capacity),
		deadline: session.registrationDeadline ? berlinDateInput(session.registrationDeadline) : '',
		note: session.note
	};
	session.parts.forEach((part, i) => {
		values[`p${i}_date`] = berlinDateInput(part.start);
		values[`p${i}_from`] = berlinTimeInput(part.start);
		values[`p${i}_to`] = berlinTimeInput(part.end);
		// A block that runs over several days (e.g. from the API) keeps its own end date.
		if (berlinDateInput(part.end) !== berlinDateInput(part.start)) values[`p${i}_endDate`] = berlinDateInput(part.end);
	});
	return values;
}
