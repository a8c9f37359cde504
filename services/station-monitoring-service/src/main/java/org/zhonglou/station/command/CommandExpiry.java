package org.zhonglou.station.command;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Marks commands nobody picked up within their expiry as EXPIRED; safe on every instance at once. */
@Component
class CommandExpiry {

    private static final Logger log = LoggerFactory.getLogger(CommandExpiry.class);

    private final Commands commands;

    CommandExpiry(Commands commands) {
        this.commands = commands;
    }

    @Scheduled(fixedDelayString = "${station.commands.expiry-sweep-interval:PT5S}", initialDelayString = "PT5S")
    void sweep() {
        try {
            commands.expire();
        } catch (RuntimeException e) {
            log.warn("Command expiry sweep failed, next sweep retries: {}", e.getMessage());
        }
    }
}
