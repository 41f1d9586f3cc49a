// The PNG icons the web app manifest (static/manifest.webmanifest) names, under static/.
export const APP_ICONS = [
	{ file: 'icons/icon-192.png', pixels: 192, maskable: false },
	{ file: 'icons/icon-512.png', pixels: 512, maskable: false },
	{ file: 'icons/icon-maskable-512.png', pixels: 512, maskable: true }
] as const;
