package org.zhonglou.support.keys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Administration", description = "Key rotation (STAFF)")
class KeyRotationController {

    static final String PATH = "/api/admin/key-rotation";

    private final KeyRotation rotation;

    KeyRotationController(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @GetMapping(PATH)
    @Operation(summary = "Progress of the re-encryption under the current keys (STAFF)")
    List<RekeyProgress> progress() {
        return rotation.progress();
    }

    @PostMapping(PATH)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Re-encrypt everything still under an older key, in the background (STAFF)",
            description = "Continues an interrupted pass or starts a new one. Runs by itself every ten minutes"
                    + " while older keys are configured; follow it with GET until every job is DONE with left = 0.")
    List<RekeyProgress> start() {
        return rotation.start();
    }
}
