// The machine a benchmark ran on, so figures from different runs can be compared (or not).
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface MachineInfo {
	cores: number;
	cpu: string;
	memoryMiB: number;
	/** 1, 5 and 15 minute load averages: other work on the machine skews every figure. */
	loadBefore: number[];
	loadAfter: number[] | null;
	node: string;
	platform: string;
	git: string | null;
}

const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

export function machineInfo(): MachineInfo {
	let git: string | null = null;
	try {
		git = execFileSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		git = null;
	}
	return {
		cores: os.availableParallelism(),
		cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
		memoryMiB: Math.round(os.totalmem() / 1048576),
		loadBefore: load(),
		loadAfter: null,
		node: process.version,
		platform: `${os.type()} ${os.release()} ${os.arch()}`,
		git
	};
}

export function finishMachineInfo(info: MachineInfo): MachineInfo {
	return { ...info, loadAfter: load() };
}
