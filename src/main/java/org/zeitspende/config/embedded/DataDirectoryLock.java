package org.zeitspende.config.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Proof that this JVM owns an embedded data directory. The operating system releases the
 * lock when the JVM ends in any way, so a lock that can be taken means that servers still
 * running from that directory are orphans, and one that cannot means another instance
 * uses the directory right now.
 */
final class DataDirectoryLock {

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	static DataDirectoryLock acquire(Path dataDir) {
		try {
			Files.createDirectories(dataDir);
			FileChannel channel = FileChannel.open(dataDir.resolve("zeitspende.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			if (lock == null) {
				channel.close();
				throw new EmbeddedDataInUseException(dataDir);
			}
			return new DataDirectoryLock(channel, lock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not lock the embedded data in " + dataDir, ex);
		}
	}

	void release() {
		try {
			this.lock.release();
			this.channel.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null;
		}
	}

}
