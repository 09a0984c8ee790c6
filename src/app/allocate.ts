export async function runAllocate(_o: unknown): Promise<never> { throw new Error('not yet'); }
