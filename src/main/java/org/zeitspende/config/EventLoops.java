package org.zeitspende.config;

/**
 * Sizes Reactor Netty's event loops to the processors the JVM may use. Its default is at
 * least four threads each for the HTTP server and for the PostgreSQL connections: on a
 * two-core machine or pod that is eight loops taking turns on two cores, and every hop of
 * a request between them wakes a thread. With one loop per core, clicks on a full callout
 * and yeses at a steady rate took about a tenth less CPU there (loadtest/HISTORY.md).
 * They stay on epoll: Netty's io_uring transport made clicks cheaper but bursts of new
 * connections slower (loadtest/README.md).
 */
public final class EventLoops {

	/** Reactor Netty's system property, read once when its loop resources first load. */
	static final String IO_WORKER_COUNT = "reactor.netty.ioWorkerCount";

	private EventLoops() {
	}

	/**
	 * One loop per available processor, unless {@value #IO_WORKER_COUNT} is given. Must
	 * run before anything loads Reactor Netty.
	 */
	public static void onePerProcessor() {
		if (System.getProperty(IO_WORKER_COUNT) == null) {
			System.setProperty(IO_WORKER_COUNT, Integer.toString(Runtime.getRuntime().availableProcessors()));
		}
	}

}
