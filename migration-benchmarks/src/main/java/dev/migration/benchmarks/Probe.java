package dev.migration.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Times one call and records the heap it needed: a GC first (untimed), then the peak of
 * the heap pools during the call and the bytes the calling thread allocated.
 */
final class Probe {

	private static final double MB = 1024.0 * 1024.0;

	private static final List<MemoryPoolMXBean> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter((pool) -> pool.getType() == MemoryType.HEAP)
		.toList();

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private Probe() {
	}

	/**
	 * What one call cost.
	 *
	 * @param result what the call returned
	 * @param millis wall time
	 * @param peakHeapMb peak heap in use during the call (sum of the heap pools' peaks,
	 * live data from before included)
	 * @param allocatedMb bytes allocated by the calling thread
	 * @param cpuMillis CPU time of the calling thread (robust against a busy machine)
	 */
	record Sample(int result, double millis, double peakHeapMb, double allocatedMb, double cpuMillis) {
	}

	static Sample measure(Callable<Integer> call) throws Exception {
		System.gc();
		HEAP_POOLS.forEach(MemoryPoolMXBean::resetPeakUsage);
		long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
		long cpuBefore = THREADS.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		int result = call.call();
		long elapsed = System.nanoTime() - start;
		long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
		long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
		long peak = 0;
		for (MemoryPoolMXBean pool : HEAP_POOLS) {
			peak += pool.getPeakUsage().getUsed();
		}
		return new Sample(result, elapsed / 1e6, peak / MB, allocated / MB, cpu / 1e6);
	}

}
