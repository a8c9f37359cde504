package org.zhonglou.support.outbox;

import java.util.List;

/** Declared by a service to switch the outbox relay on for the collections whose documents carry an outbox. */
public record OutboxCollections(List<String> names) {

    public static OutboxCollections of(String... names) {
        return new OutboxCollections(List.of(names));
    }
}
