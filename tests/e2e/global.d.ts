import type { CinAutomation } from '../../src/lib/app/automation';

declare global {
	interface Window {
		cin: CinAutomation;
	}
}
