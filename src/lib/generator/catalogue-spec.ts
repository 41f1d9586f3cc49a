// The store's catalogue: 129 category codes (some spread over several category ids), the
// category ids without a code, brand pools and the affinity pairs. Weights are shares of view
// traffic (`view`, percent of all events) and of purchase sessions (`buy`, relative).

export interface CodeSpec {
	code: string;
	/** How many category ids carry this code. */
	ids: number;
	view: number;
	buy: number;
	/** Median list price (before the brand factor) and the log-normal sigma. */
	median: number;
	sigma: number;
	pool: string;
}

type Row = [code: string, ids: number, view: number, buy: number, median: number, sigma: number, pool: string];

const ROWS: Row[] = [
	['electronics.smartphone', 1, 20.5, 50.0, 255, 0.8, 'phone'],
	['electronics.audio.headphone', 2, 2.6, 1.0, 40, 1, 'audio'],
	['electronics.video.tv', 2, 3.4, 2.6, 330, 0.65, 'tv'],
	['electronics.clocks', 2, 2.2, 1.9, 150, 0.85, 'wear'],
	['electronics.tablet', 1, 1.0, 0.8, 240, 0.65, 'phone'],
	['electronics.audio.subwoofer', 1, 0.25, 0.15, 90, 0.7, 'audio'],
	['electronics.audio.acoustic', 1, 0.45, 0.35, 60, 0.9, 'audio'],
	['electronics.telephone', 1, 0.3, 0.3, 25, 0.7, 'phone'],
	['electronics.camera.photo', 1, 0.6, 0.55, 420, 0.7, 'camera'],
	['electronics.camera.video', 1, 0.25, 0.15, 300, 0.7, 'camera'],
	['electronics.audio.microphone', 1, 0.12, 0.08, 50, 0.8, 'audio'],
	['electronics.audio.amplifier', 1, 0.08, 0.04, 200, 0.7, 'audio'],
	['electronics.audio.music_tools.piano', 1, 0.1, 0.05, 350, 0.6, 'audio'],
	['electronics.video.projector', 1, 0.1, 0.04, 420, 0.7, 'tv'],
	['electronics.gaming.console', 1, 0.55, 0.5, 330, 0.45, 'console'],
	['electronics.gaming.controller', 1, 0.25, 0.3, 55, 0.45, 'console'],
	['electronics.accessories.phone_case', 1, 0.7, 0.25, 12, 0.7, 'phoneacc'],
	['electronics.accessories.charger', 1, 0.5, 0.2, 18, 0.6, 'phoneacc'],
	['electronics.accessories.memory_card', 1, 0.35, 0.35, 20, 0.7, 'memory'],
	['electronics.accessories.power_bank', 1, 0.3, 0.25, 25, 0.6, 'phoneacc'],
	['electronics.smart_home.speaker', 1, 0.15, 0.1, 60, 0.7, 'audio'],
	['appliances.kitchen.washer', 3, 1.8, 1.9, 300, 0.55, 'appliance'],
	['appliances.kitchen.refrigerators', 3, 1.6, 1.4, 480, 0.6, 'appliance'],
	['appliances.environment.vacuum', 2, 1.8, 2.0, 150, 0.8, 'appliance'],
	['appliances.kitchen.kettle', 2, 0.5, 0.6, 28, 0.7, 'appliance'],
	['appliances.kitchen.microwave', 1, 0.4, 0.4, 90, 0.5, 'appliance'],
	['appliances.environment.water_heater', 2, 0.6, 0.5, 130, 0.6, 'appliance'],
	['appliances.environment.air_heater', 2, 0.5, 0.4, 60, 0.7, 'appliance'],
	['appliances.iron', 1, 0.5, 0.5, 40, 0.7, 'appliance'],
	['appliances.kitchen.blender', 1, 0.45, 0.45, 45, 0.7, 'appliance'],
	['appliances.kitchen.hood', 1, 0.4, 0.3, 150, 0.6, 'appliance'],
	['appliances.kitchen.oven', 1, 0.2, 0.15, 350, 0.6, 'appliance'],
	['appliances.kitchen.dishwasher', 1, 0.3, 0.25, 380, 0.5, 'appliance'],
	['appliances.kitchen.coffee_machine', 1, 0.4, 0.35, 260, 0.8, 'coffee'],
	['appliances.kitchen.coffee_machine.capsules', 1, 0.12, 0.25, 12, 0.5, 'coffee'],
	['appliances.kitchen.toster', 1, 0.1, 0.1, 35, 0.6, 'appliance'],
	['appliances.personal.hair_cutter', 1, 0.4, 0.4, 35, 0.7, 'appliance'],
	['appliances.environment.air_conditioner', 1, 0.4, 0.3, 420, 0.5, 'appliance'],
	['appliances.sewing_machine', 1, 0.15, 0.1, 180, 0.6, 'appliance'],
	['appliances.kitchen.mixer', 1, 0.15, 0.15, 40, 0.7, 'appliance'],
	['appliances.kitchen.juicer', 1, 0.1, 0.08, 60, 0.6, 'appliance'],
	['appliances.kitchen.meat_grinder', 1, 0.3, 0.3, 80, 0.5, 'appliance'],
	['appliances.kitchen.grill', 1, 0.1, 0.06, 70, 0.6, 'appliance'],
	['appliances.kitchen.hob', 1, 0.3, 0.2, 260, 0.6, 'appliance'],
	['appliances.kitchen.coffee_grinder', 1, 0.05, 0.05, 25, 0.6, 'coffee'],
	['appliances.personal.massager', 1, 0.2, 0.15, 60, 0.8, 'appliance'],
	['appliances.personal.scales', 1, 0.15, 0.15, 20, 0.6, 'appliance'],
	['appliances.environment.fan', 1, 0.1, 0.08, 35, 0.6, 'appliance'],
	['appliances.environment.climate', 1, 0.1, 0.05, 90, 0.7, 'appliance'],
	['appliances.kitchen.multicooker', 1, 0.3, 0.3, 70, 0.6, 'appliance'],
	['appliances.ironing_board', 1, 0.1, 0.08, 35, 0.5, 'appliance'],
	['computers.notebook', 3, 3.0, 1.7, 540, 0.6, 'computer'],
	['computers.desktop', 1, 0.5, 0.25, 600, 0.6, 'computer'],
	['computers.peripherals.printer', 1, 0.4, 0.3, 180, 0.7, 'printer'],
	['stationery.cartrige', 1, 0.2, 0.35, 35, 0.6, 'printer'],
	['computers.peripherals.mouse', 1, 0.3, 0.35, 15, 0.8, 'computer'],
	['computers.peripherals.keyboard', 1, 0.2, 0.15, 25, 0.8, 'computer'],
	['computers.peripherals.monitor', 1, 0.6, 0.3, 190, 0.6, 'computer'],
	['computers.components.videocards', 1, 0.5, 0.2, 350, 0.8, 'computer'],
	['computers.components.hdd', 1, 0.3, 0.25, 60, 0.6, 'computer'],
	['computers.components.memory', 1, 0.2, 0.15, 45, 0.6, 'computer'],
	['computers.components.cpu', 1, 0.3, 0.15, 200, 0.8, 'computer'],
	['computers.components.motherboard', 1, 0.2, 0.1, 130, 0.7, 'computer'],
	['computers.components.power_supply', 1, 0.1, 0.06, 60, 0.6, 'computer'],
	['computers.components.cooler', 1, 0.1, 0.06, 25, 0.7, 'computer'],
	['computers.peripherals.camera', 1, 0.1, 0.06, 40, 0.6, 'computer'],
	['computers.network.router', 1, 0.2, 0.15, 40, 0.7, 'computer'],
	['computers.ebooks', 1, 0.1, 0.06, 130, 0.5, 'computer'],
	['auto.accessories.player', 1, 0.3, 0.2, 60, 0.7, 'auto'],
	['auto.accessories.alarm', 1, 0.2, 0.12, 120, 0.6, 'auto'],
	['auto.accessories.radar', 1, 0.15, 0.1, 110, 0.6, 'auto'],
	['auto.accessories.videoregister', 1, 0.3, 0.2, 80, 0.7, 'auto'],
	['auto.accessories.parktronic', 1, 0.05, 0.03, 50, 0.5, 'auto'],
	['auto.accessories.compressor', 1, 0.1, 0.07, 40, 0.5, 'auto'],
	['furniture.living_room.sofa', 2, 0.5, 0.2, 420, 0.6, 'home'],
	['furniture.living_room.cabinet', 1, 0.3, 0.12, 200, 0.7, 'home'],
	['furniture.living_room.chair', 1, 0.3, 0.15, 90, 0.7, 'home'],
	['furniture.kitchen.table', 1, 0.2, 0.1, 150, 0.6, 'home'],
	['furniture.kitchen.chair', 1, 0.15, 0.08, 50, 0.6, 'home'],
	['furniture.bedroom.bed', 1, 0.3, 0.12, 350, 0.6, 'home'],
	['furniture.bedroom.pillow', 1, 0.1, 0.1, 20, 0.6, 'home'],
	['furniture.bedroom.blanket', 1, 0.1, 0.08, 35, 0.6, 'home'],
	['furniture.bathroom.bath', 1, 0.1, 0.04, 250, 0.6, 'home'],
	['furniture.bathroom.toilet', 1, 0.1, 0.05, 150, 0.6, 'home'],
	['furniture.universal.light', 1, 0.1, 0.06, 40, 0.8, 'home'],
	['apparel.shoes', 3, 0.6, 0.3, 70, 0.7, 'apparel'],
	['apparel.shoes.keds', 1, 0.3, 0.15, 60, 0.6, 'apparel'],
	['apparel.shoes.sandals', 1, 0.1, 0.05, 40, 0.6, 'apparel'],
	['apparel.shoes.slipons', 1, 0.05, 0.03, 40, 0.6, 'apparel'],
	['apparel.shoes.ballet_shoes', 1, 0.05, 0.03, 35, 0.6, 'apparel'],
	['apparel.shoes.step_ins', 1, 0.05, 0.03, 45, 0.6, 'apparel'],
	['apparel.trousers', 1, 0.1, 0.05, 40, 0.6, 'apparel'],
	['apparel.jeans', 1, 0.1, 0.05, 50, 0.6, 'apparel'],
	['apparel.shirt', 1, 0.08, 0.04, 30, 0.6, 'apparel'],
	['apparel.dress', 1, 0.08, 0.04, 45, 0.6, 'apparel'],
	['apparel.skirt', 1, 0.04, 0.02, 30, 0.6, 'apparel'],
	['apparel.tshirt', 1, 0.08, 0.05, 15, 0.6, 'apparel'],
	['apparel.underwear', 1, 0.04, 0.03, 12, 0.6, 'apparel'],
	['apparel.costume', 1, 0.06, 0.03, 70, 0.7, 'apparel'],
	['apparel.jacket', 1, 0.1, 0.04, 90, 0.7, 'apparel'],
	['apparel.sock', 1, 0.02, 0.02, 5, 0.5, 'apparel'],
	['kids.toys', 2, 0.5, 0.3, 30, 0.9, 'kids'],
	['kids.carriage', 1, 0.3, 0.12, 280, 0.6, 'kids'],
	['kids.skates', 1, 0.1, 0.05, 50, 0.6, 'kids'],
	['kids.dolls', 1, 0.1, 0.06, 25, 0.7, 'kids'],
	['kids.fmcg.diapers', 1, 0.1, 0.12, 20, 0.5, 'kids'],
	['kids.bottles', 1, 0.03, 0.02, 8, 0.5, 'kids'],
	['sport.bicycle', 1, 0.4, 0.15, 250, 0.7, 'sport'],
	['sport.tennis', 1, 0.05, 0.02, 50, 0.7, 'sport'],
	['sport.ski', 1, 0.05, 0.02, 200, 0.6, 'sport'],
	['sport.trainer', 1, 0.15, 0.06, 300, 0.7, 'sport'],
	['sport.fitness.tracker', 1, 0.15, 0.1, 50, 0.6, 'wear'],
	['accessories.bag', 1, 0.25, 0.1, 50, 0.8, 'bags'],
	['accessories.wallet', 1, 0.05, 0.03, 30, 0.6, 'bags'],
	['accessories.umbrella', 1, 0.03, 0.02, 20, 0.5, 'bags'],
	['construction.tools.drill', 1, 0.4, 0.25, 90, 0.7, 'tools'],
	['construction.tools.saw', 1, 0.15, 0.08, 110, 0.6, 'tools'],
	['construction.tools.light', 1, 0.05, 0.03, 20, 0.6, 'tools'],
	['construction.tools.welding', 1, 0.1, 0.05, 150, 0.6, 'tools'],
	['construction.tools.pump', 1, 0.1, 0.05, 120, 0.6, 'tools'],
	['construction.tools.generator', 1, 0.1, 0.04, 400, 0.6, 'tools'],
	['construction.tools.screw', 1, 0.05, 0.04, 80, 0.6, 'tools'],
	['construction.tools.heater', 1, 0.05, 0.03, 70, 0.6, 'tools'],
	['construction.components.faucet', 1, 0.15, 0.08, 70, 0.7, 'tools'],
	['country_yard.cultivator', 1, 0.05, 0.02, 300, 0.6, 'tools'],
	['country_yard.lawn_mower', 1, 0.05, 0.02, 200, 0.6, 'tools'],
	['country_yard.watering', 1, 0.03, 0.02, 30, 0.6, 'tools'],
	['country_yard.furniture.hammok', 1, 0.02, 0.01, 60, 0.5, 'home'],
	['medicine.tools.tonometer', 1, 0.1, 0.08, 45, 0.5, 'medicine']
];

export const CODES: CodeSpec[] = ROWS.map(([code, ids, view, buy, median, sigma, pool]) => ({
	code,
	ids,
	view,
	buy,
	median,
	sigma,
	pool
}));

/** Category ids without a code: they share this much of the view traffic (percent). */
export const UNCODED_VIEW_SHARE = 32;
/** … and this much purchase weight relative to the coded `buy` weights above. */
export const UNCODED_BUY_WEIGHT = 19;

/**
 * Brand pools, most popular first. A brand may sit in several pools; `generic` serves the
 * category ids without a code, together with synthetic long-tail brands.
 */
export const POOLS: Record<string, string[]> = {
	phone: ['samsung', 'apple', 'xiaomi', 'huawei', 'oppo', 'meizu', 'vivo', 'nokia', 'sony', 'lg', 'zte', 'oneplus', 'motorola', 'asus', 'alcatel', 'bq', 'prestigio', 'inoi', 'doogee', 'blackview', 'ulefone', 'realme', 'tecno', 'highscreen', 'philips', 'haier', 'texet', 'fly', 'micromax', 'lenovo'],
	phoneacc: ['samsung', 'apple', 'xiaomi', 'huawei', 'baseus', 'hoco', 'remax', 'ugreen', 'belkin', 'anker', 'deppa', 'borasco', 'interstep', 'red-line', 'uniq', 'spigen', 'nillkin', 'gresso', 'promate', 'partner'],
	audio: ['samsung', 'apple', 'xiaomi', 'huawei', 'sony', 'jbl', 'sennheiser', 'jabra', 'marshall', 'beats', 'plantronics', 'defender', 'sven', 'acme', 'harper', 'audio-technica', 'koss', 'panasonic', 'philips', 'skullcandy', 'bose', 'honor', 'yamaha', 'casio', 'pioneer'],
	tv: ['samsung', 'lg', 'sony', 'philips', 'xiaomi', 'artel', 'hisense', 'tcl', 'haier', 'panasonic', 'thomson', 'yasin', 'bbk', 'supra', 'telefunken', 'starwind', 'hyundai', 'akai', 'polar', 'shivaki', 'epson', 'benq'],
	wear: ['apple', 'samsung', 'xiaomi', 'huawei', 'garmin', 'amazfit', 'casio', 'fossil', 'polar', 'smarterra', 'elari', 'jet', 'honor', 'suunto', 'fitbit'],
	camera: ['canon', 'nikon', 'sony', 'fujifilm', 'panasonic', 'gopro', 'olympus', 'leica', 'pentax', 'sigma', 'tamron', 'zenit'],
	memory: ['sandisk', 'kingston', 'samsung', 'transcend', 'toshiba', 'sony', 'lexar', 'smartbuy', 'qumo', 'mirex', 'netac', 'silicon-power'],
	console: ['sony', 'microsoft', 'nintendo', 'dendy', 'sega', 'retro-genesis', 'dexp', 'hori', 'thrustmaster', 'logitech'],
	appliance: ['bosch', 'samsung', 'lg', 'indesit', 'beko', 'haier', 'electrolux', 'gorenje', 'atlant', 'redmond', 'tefal', 'philips', 'polaris', 'vitek', 'scarlett', 'braun', 'delonghi', 'midea', 'artel', 'dyson', 'karcher', 'elenberg', 'kitfort', 'moulinex', 'kenwood', 'zanussi', 'hotpoint-ariston', 'candy', 'whirlpool', 'hansa', 'liebherr', 'sharp', 'panasonic', 'xiaomi', 'thermex', 'ballu', 'timberk', 'ariston', 'galaxy', 'centek', 'vitesse', 'first', 'maxwell', 'rowenta', 'hyundai', 'lucente'],
	coffee: ['delonghi', 'krups', 'nespresso', 'philips', 'saeco', 'bosch', 'jura', 'melitta', 'dolce-gusto', 'lavazza', 'illy', 'jacobs', 'tassimo', 'caffitaly', 'gaggia'],
	computer: ['acer', 'lenovo', 'hp', 'asus', 'dell', 'apple', 'msi', 'huawei', 'xiaomi', 'intel', 'amd', 'gigabyte', 'kingston', 'logitech', 'a4tech', 'tp-link', 'd-link', 'aoc', 'benq', 'viewsonic', 'seagate', 'wd', 'crucial', 'corsair', 'zalman', 'deepcool', 'thermaltake', 'palit', 'zotac', 'sapphire', 'pocketbook', 'onyx', 'keenetic', 'mikrotik', 'defender', 'genius', 'razer', 'hyperx', 'steelseries'],
	printer: ['hp', 'canon', 'epson', 'brother', 'xerox', 'samsung', 'kyocera', 'pantum', 'ricoh', 'oki'],
	auto: ['cordiant', 'nokian', 'michelin', 'pioneer', 'kenwood', 'alpine', 'sho-me', 'playme', 'neoline', 'starline', 'pantera', 'prology', 'digma', 'mystery', 'parkmaster', 'berkut', 'aggressor', 'airline', 'mio', 'tomahawk'],
	home: ['lucente', 'respect', 'sonata', 'askona', 'ormatek', 'tetchair', 'brabix', 'nika', 'mebelson', 'shatura', 'stolline', 'hoff', 'dreamline', 'promtex', 'bellona', 'tuss', 'sibirskaya', 'alvero', 'roma', 'triya'],
	apparel: ['respect', 'baden', 'zenden', 'carlo-pazolini', 'ecco', 'tamaris', 'rieker', 'nike', 'adidas', 'puma', 'reebok', 'asics', 'new-balance', 'skechers', 'crocs', 'geox', 'ralf-ringer', 'tervolina', 'marko', 'kari', 'levis', 'gloria-jeans', 'oodji', 'incity', 'lacoste'],
	kids: ['lego', 'barbie', 'chicco', 'hasbro', 'mattel', 'huggies', 'pampers', 'tutis', 'happy-baby', 'peg-perego', 'cybex', 'bebetto', 'hot-wheels', 'nerf', 'playmobil', 'vtech', 'fisher-price', 'simba', '1toy', 'zapf'],
	sport: ['stels', 'forward', 'author', 'merida', 'wilson', 'head', 'atomic', 'fischer', 'torneo', 'cube', 'trek', 'giant', 'bauer', 'ccm', 'nordway', 'larsen', 'demix', 'oxelo', 'roces', 'kettler'],
	bags: ['samsonite', 'tommy-hilfiger', 'wenz', 'fabretti', 'hedgren', 'tumi', 'eberhart', 'pierre-cardin', 'bugatti', 'rion-plus'],
	tools: ['bosch', 'makita', 'dewalt', 'interskol', 'zubr', 'metabo', 'grohe', 'hansgrohe', 'karcher', 'elitech', 'huter', 'patriot', 'hammer', 'stihl', 'husqvarna', 'ryobi', 'einhell', 'fiolent', 'kalibr', 'champion', 'gardena', 'vortex', 'denzel', 'stanley', 'hitachi'],
	medicine: ['omron', 'and', 'microlife', 'b.well', 'little-doctor', 'beurer', 'gamma', 'laica'],
	generic: ['shiseido', 'lucente', 'respect', 'sonata', 'cordiant', 'matrix', 'estel', 'loreal', 'garnier', 'nivea', 'maybelline', 'max-factor', 'bourjois', 'vichy', 'la-roche-posay', 'kapous', 'ollin', 'concept', 'londa', 'wella', 'schwarzkopf', 'syoss', 'faberlic', 'orly', 'runail', 'irisk', 'masura', 'bioaqua', 'missha', 'holika', 'tony-moly', 'elari', 'janome', 'singer', 'brother', 'gardena', 'tefal', 'bosch', 'pioneer', 'sven']
};

/** Pools whose first brands are placed on the most popular products so the big four lead. */
export const LEADING: Record<string, string[]> = {
	phone: ['samsung', 'apple', 'xiaomi', 'samsung', 'apple', 'huawei', 'xiaomi', 'samsung', 'apple', 'huawei', 'samsung', 'xiaomi'],
	audio: ['apple', 'samsung', 'xiaomi', 'huawei'],
	tv: ['samsung', 'lg', 'xiaomi', 'samsung'],
	wear: ['apple', 'xiaomi', 'samsung', 'huawei'],
	phoneacc: ['samsung', 'apple', 'xiaomi', 'huawei']
};

/** Brand price factors (premium and budget brands). */
export const BRAND_PRICE: Record<string, number> = {
	apple: 2.3,
	samsung: 1.35,
	huawei: 0.95,
	xiaomi: 0.7,
	sony: 1.3,
	dyson: 2.5,
	bosch: 1.2,
	liebherr: 1.6,
	canon: 1.1,
	nikon: 1.15,
	leica: 2.2,
	garmin: 1.6,
	microsoft: 1.0,
	nintendo: 0.95,
	jura: 2.0,
	delonghi: 1.2
};

/** Synthetic long-tail brands fill the brand table up to the real count. */
export const BRAND_COUNT = 4303;

/**
 * Affinity pairs: buying an anchor adds an accessory to the same basket with probability `p`;
 * `sameBrand` is the chance the accessory matches the anchor's brand when that brand makes one.
 */
export const AFFINITY: { anchor: string; accessory: string; p: number; sameBrand: number }[] = [
	{ anchor: 'electronics.smartphone', accessory: 'electronics.audio.headphone', p: 0.1, sameBrand: 0.85 },
	{ anchor: 'electronics.smartphone', accessory: 'electronics.accessories.phone_case', p: 0.09, sameBrand: 0.9 },
	{ anchor: 'electronics.smartphone', accessory: 'electronics.accessories.charger', p: 0.05, sameBrand: 0.85 },
	{ anchor: 'electronics.camera.photo', accessory: 'electronics.accessories.memory_card', p: 0.6, sameBrand: 0 },
	{ anchor: 'electronics.camera.video', accessory: 'electronics.accessories.memory_card', p: 0.45, sameBrand: 0 },
	{ anchor: 'electronics.gaming.console', accessory: 'electronics.gaming.controller', p: 0.38, sameBrand: 0.9 },
	{ anchor: 'appliances.kitchen.coffee_machine', accessory: 'appliances.kitchen.coffee_machine.capsules', p: 0.5, sameBrand: 0.8 },
	{ anchor: 'computers.peripherals.printer', accessory: 'stationery.cartrige', p: 0.45, sameBrand: 0.9 }
];

/** Accessory categories where users stay with the brand of their phone (brand loyalty). */
export const LOYAL_ACCESSORIES = [
	'electronics.audio.headphone',
	'electronics.accessories.phone_case',
	'electronics.accessories.charger',
	'electronics.clocks',
	'electronics.tablet'
];
