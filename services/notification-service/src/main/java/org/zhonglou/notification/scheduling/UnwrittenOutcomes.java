package org.zhonglou.notification.scheduling;

import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outcomes of sends that went out while the store could not record them. They are written before this
 * instance claims anything again, and an item whose outcome is still held is not sent again: after a
 * store outage the instance that sent a webhook or an e-mail never repeats it because its lease ran out
 * meanwhile. (A crash of that instance can still repeat a send once: delivery stays at-least-once, and
 * receivers recognise a repeat by its event id or Message-ID.) What is held is bounded by the sends in
 * flight when the store went away: nothing new is claimed until it is back.
 */
public final class UnwrittenOutcomes {

    private static final Logger log = LoggerFactory.getLogger(UnwrittenOutcomes.class);

    private record Held(List<String> ids, Runnable write) {
    }

    private final String what;
    private final Queue<Held> held = new ConcurrentLinkedQueue<>();
    private final Set<String> heldIds = ConcurrentHashMap.newKeySet();

    public UnwrittenOutcomes(String what) {
        this.what = what;
    }

    /** Runs {@code write}, the record of what happened to {@code ids}; if the store refuses it, holds it. */
    public void write(Collection<String> ids, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            heldIds.addAll(ids);
            held.add(new Held(List.copyOf(ids), write));
            log.warn("{} outcome of {} held until the store answers again: {}", what, ids, e.toString());
        }
    }

    /** Writes what is held, oldest first; false while the store still refuses (claiming would fail too). */
    public boolean flush() {
        for (Held next = held.peek(); next != null; next = held.peek()) {
            try {
                next.write().run();
            } catch (RuntimeException e) {
                return false;
            }
            held.remove(next);
            next.ids().forEach(heldIds::remove);
            log.info("{} outcome of {} written after the store came back", what, next.ids());
        }
        return true;
    }

    /** True when the item was sent and only its record is missing: it must not be sent again. */
    public boolean holds(String id) {
        return heldIds.contains(id);
    }
}
