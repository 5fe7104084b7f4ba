package com.careloop.platform.numbering;

import java.util.List;

import com.careloop.platform.RecordNumbers;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.org.PlatformPermissions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Form-number rules per record type (e.g. complaint form R-QP-005-03 -> TS2026-000123). */
@RestController
@RequestMapping("/api/v1/record-number-rules")
class RecordNumberRulesApi {

    record ChangeRule(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,20}", message = "{validation.prefix}") String prefix,
                      @NotNull @Min(3) @Max(10) Integer width, @NotNull Long version) {
    }

    private final RecordNumbers numbers;

    RecordNumberRulesApi(RecordNumbers numbers) {
        this.numbers = numbers;
    }

    @RequiresPermission(PlatformPermissions.NUMBERING_MANAGE)
    @GetMapping
    List<RecordNumbers.Rule> rules() {
        return numbers.rules();
    }

    @RequiresPermission(PlatformPermissions.NUMBERING_MANAGE)
    @PutMapping("/{recordType}")
    RecordNumbers.Rule change(@PathVariable String recordType, @Valid @RequestBody ChangeRule request) {
        return numbers.changeRule(recordType, request.prefix(), request.width(), request.version());
    }
}
