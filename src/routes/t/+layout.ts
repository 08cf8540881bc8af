// Every participant page is plain HTML forms, made to work without JavaScript (a phone on a slow
// network, an old browser): none needs the client-side app, so none loads it — smaller pages, and
// the server renders without serialising the page data for hydration.
export const csr = false;
