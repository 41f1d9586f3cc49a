// The theme the user chose (src/lib/app/theme.ts writes it), applied before the first paint:
// app.html loads this file as a blocking script because the content security policy allows no
// inline one, and the app's own modules run only after the page has been painted once. With no
// choice stored, nothing is set and app.css follows the system's light or dark preference.
try {
	var choice = localStorage.getItem('cin:theme');
	if (choice === 'light' || choice === 'dark') document.documentElement.setAttribute('data-theme', choice);
} catch (e) {
	// Storage unavailable (a sandboxed frame, cookies blocked): the system's theme applies.
}
