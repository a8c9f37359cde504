package org.zhonglou.registration.purge;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Administration", description = "Data protection tasks (STAFF)")
class PurgeController {

    private final PersonalDataPurge purge;

    PurgeController(PersonalDataPurge purge) {
        this.purge = purge;
    }

    @PostMapping("/api/admin/purge-personal-data")
    @Operation(summary = "Delete personal data of programmes that ended long enough ago (STAFF)",
            description = "Also runs daily. Keeps programmes and their anonymous counts.")
    PersonalDataPurge.Report purge() {
        return purge.run();
    }
}
