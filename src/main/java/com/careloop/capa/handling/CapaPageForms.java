package com.careloop.capa.handling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.careloop.capa.FishboneCategory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** The page forms whose fields differ from the API commands: five why fields, an HTML date field. */
final class CapaPageForms {

    private CapaPageForms() {
    }

    record RootCause(@Size(max = 1000) String why1, @Size(max = 1000) String why2, @Size(max = 1000) String why3,
                     @Size(max = 1000) String why4, @Size(max = 1000) String why5, FishboneCategory category,
                     @Size(max = 4000) String statement, Long version) {

        List<String> whys() {
            List<String> out = new ArrayList<>();
            for (String w : new String[] {why1, why2, why3, why4, why5}) {
                if (w != null && !w.isBlank()) {
                    out.add(w);
                }
            }
            return out;
        }
    }

    record PlanAction(@Size(max = 4000) String description, @NotNull Long ownerUserId,
                      @DateTimeFormat(iso = ISO.DATE) LocalDate dueDate, Long version) {
    }
}
