package dev.migration.lock;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the lease heartbeat's writes and the migrating session's transactions apart in
 * time. On Galera a write to the lease row from another node fails the certification of
 * an open transaction that also wrote it (the fencing write), so the session enters the
 * gate before it opens a transaction and leaves it after the commit or rollback, and the
 * heartbeat renews only while it holds the gate. Checking "is the session in a
 * transaction?" and then writing is not enough: the session can open its transaction
 * between the check and the heartbeat's write, which is what a loaded machine makes
 * likely.
 */
public final class TransactionGate {

	private final ReentrantLock lock = new ReentrantLock();

	/**
	 * Before the session opens a transaction: waits for a renewal in flight to end.
	 */
	public void enter() {
		if (!this.lock.isHeldByCurrentThread()) {
			this.lock.lock();
		}
	}

	/**
	 * After the session's commit or rollback.
	 */
	public void leave() {
		if (this.lock.isHeldByCurrentThread()) {
			this.lock.unlock();
		}
	}

	/**
	 * For the heartbeat: hold the gate once no transaction of the session is open,
	 * waiting at most {@code millis} (the session's transactions are short bookkeeping).
	 * @param millis how long to wait
	 * @return whether it is now held (then {@link #release()} it)
	 */
	boolean tryHold(long millis) {
		try {
			return this.lock.tryLock(millis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	void release() {
		this.lock.unlock();
	}

}
