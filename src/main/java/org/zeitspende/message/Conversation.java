package org.zeitspende.message;

import java.util.List;

/**
 * A thread with its messages, oldest first.
 *
 * @param thread the thread
 * @param messages its messages
 */
record Conversation(MessageThread thread, List<ThreadMessage> messages) {
}
