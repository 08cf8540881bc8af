/**
 * What the questionnaire bench needs from a page, found by scanning its tags: the POST form inside
 * <main> with its inputs, textareas and buttons, else the start link (`main a.button`). A scan, not
 * a document tree: SvelteKit writes every attribute value in double quotes, and the bench should
 * cost the machine as little as it can (it shares the cores with the app it measures).
 */
export interface Tag {
	attributes: Record<string, string | undefined>;
}

export interface Form extends Tag {
	inputs: Tag[];
	textareas: Tag[];
	buttons: Tag[];
}

export interface PageForm {
	form: Form | undefined;
	startHref: string | undefined;
	title: string;
}

const TAG = /<(form|input|textarea|button|a)\b([^>]*)>|<\/form>/g;
const ATTRIBUTE = /([^\s=/]+)(?:="([^"]*)")?/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };

function attributesOf(source: string): Tag['attributes'] {
	const attributes: Tag['attributes'] = {};
	for (const [, name, value] of source.matchAll(ATTRIBUTE)) attributes[name.toLowerCase()] = value?.replace(/&(amp|quot|#39|lt|gt);/g, (entity) => ENTITIES[entity]);
	return attributes;
}

export function formOf(html: string): PageForm {
	const mainStart = html.indexOf('<main');
	const mainEnd = html.indexOf('</main>', mainStart);
	const main = mainStart < 0 ? '' : html.slice(mainStart, mainEnd < 0 ? undefined : mainEnd);
	const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '?';
	let form: Form | undefined;
	let inForm = false;
	let startHref: string | undefined;
	for (const [whole, name, source] of main.matchAll(TAG)) {
		if (whole === '</form>') {
			if (form && inForm) return { form, startHref, title };
			inForm = false;
			continue;
		}
		const attributes = attributesOf(source);
		if (name === 'form') {
			inForm = attributes.method?.toUpperCase() === 'POST';
			if (inForm) form = { attributes, inputs: [], textareas: [], buttons: [] };
		} else if (inForm && form) {
			if (name === 'input') form.inputs.push({ attributes });
			else if (name === 'textarea') form.textareas.push({ attributes });
			else if (name === 'button') form.buttons.push({ attributes });
		} else if (name === 'a' && !startHref && attributes.class?.split(/\s+/).includes('button')) startHref = attributes.href;
	}
	return { form, startHref, title };
}
