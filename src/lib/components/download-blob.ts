/** Saves `blob` as a download named `fileName`. The object URL is revoked a moment later: the
 *  browser reads it after the click returns, so revoking at once could cancel the download. */
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
