import { loadPage } from '$lib/server/http/adapter';
import { studyList } from '$lib/server/studies/study-list';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'results.read', studyList);
