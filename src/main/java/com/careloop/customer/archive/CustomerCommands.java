package com.careloop.customer.archive;

import java.time.LocalDate;
import java.util.List;

import com.careloop.customer.CustomerKind;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Commands of the archive, shared by the API, the pages and the Excel import. */
public final class CustomerCommands {

    /** Mobile 1xxxxxxxxxx, landline 0xx(x)-xxxxxxx(x) with optional extension, or a 400 number. */
    public static final String PHONE = "^$|^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|400-?\\d{3}-?\\d{4})$";

    private CustomerCommands() {
    }

    public record ContactInput(@NotBlank @Size(max = 100) String name, @Size(max = 100) String title,
                               @Pattern(regexp = PHONE, message = "{validation.phone}") String phone,
                               @Email @Size(max = 200) String email, Boolean primary, @Size(max = 500) String remarks) implements java.io.Serializable {
    }

    public record SaveCustomer(
            @NotBlank @Size(max = 200) String name,
            @NotNull CustomerKind kind,
            @Pattern(regexp = PHONE, message = "{validation.phone}") String phone,
            @Email @Size(max = 200) String email,
            @Size(max = 40) @Pattern(regexp = "^[0-9A-Za-z]*$", message = "{validation.idNumber}") String idNumber,
            @Past LocalDate birthday,
            @Size(max = 100) String occupation,
            @Size(max = 300) String address,
            @Size(max = 100) String project,
            @Size(max = 50) String room,
            @Size(max = 100) String industry,
            @Size(max = 100) String region,
            @Size(max = 50) String source,
            @Size(max = 500) String tags,
            @Size(max = 2000) String remarks,
            Long representativeId,
            Long deputyId,
            @Size(max = 20) List<@Valid ContactInput> contacts,
            Boolean confirmDuplicate,
            Long version) implements java.io.Serializable {
    }
}
