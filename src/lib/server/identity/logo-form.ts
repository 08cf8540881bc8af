import { echoForm, type FormReader } from '../http/forms';

/** The logo form: an uploaded file, or the remove button. */
export const readLogoForm: FormReader<{ logo: Uint8Array | null }> = async (form) => {
	const file = form.get('logo');
	const remove = form.get('remove') === 'yes';
	const chosen = file instanceof File && file.size > 0;
	const errors: Record<string, string> = remove || chosen ? {} : { logo: 'Bitte wählen Sie eine Bilddatei aus.' };
	return {
		input: { logo: !remove && chosen ? new Uint8Array(await file.arrayBuffer()) : null },
		errors,
		values: echoForm(form),
		fieldFor: (path) => path
	};
};
