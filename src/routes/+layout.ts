// Every page is prerendered to static HTML; the app itself runs client-side only.
export const prerender = true;
export const ssr = false;
