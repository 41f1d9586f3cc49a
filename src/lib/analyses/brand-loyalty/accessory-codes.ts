/** The phone category whose brand sets the loyalty question. */
export const PHONE_CODE = 'electronics.smartphone';

/**
 * Phone accessories: the category codes of the catalogue's phone-accessory and audio lines that
 * go with a phone. Tablets and watches (electronics.clocks) are devices in their own right, and
 * memory cards belong to cameras, so they are left out.
 */
export const ACCESSORY_CODES: readonly string[] = [
	'electronics.audio.headphone',
	'electronics.accessories.phone_case',
	'electronics.accessories.charger',
	'electronics.accessories.power_bank'
];
