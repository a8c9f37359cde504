package org.zhonglou.notification.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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
                    + "~15 s are heartbeats. The stream ends when the token expires (reconnect with a new one and "
                    + "Last-Event-ID) and when the client falls more than STREAM_CLIENT_BUFFER (1,000) events "
                    + "behind. 429 with Retry-After beyond STREAM_MAX_PER_USER (5) open streams per staff member "
                    + "or STREAM_MAX_TOTAL (100) per instance.")
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @AuthenticationPrincipal Jwt jwt) {
        SseEmitter emitter = new SseEmitter(0L);
        hub.open(emitter, jwt.getSubject(), jwt.getExpiresAt(), lastEventId);
        return emitter;
    }
}
