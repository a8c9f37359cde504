package org.zhonglou.notification.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Live alerts")
class AlertStreamController {

    private final AlertStreamHub hub;

    AlertStreamController(AlertStreamHub hub) {
        this.hub = hub;
    }

    @GetMapping(path = "/api/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Every alert event as it happens (SSE)",
            description = "Each SSE event has `id` = CloudEvent id, `event` = its type and `data` = the CloudEvent "
                    + "JSON. Send `Last-Event-ID` to get what was missed in the last hour. Comment lines every "
                    + "~15 s are heartbeats.")
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        SseEmitter emitter = new SseEmitter(0L);
        hub.open(emitter, lastEventId);
        return emitter;
    }
}
