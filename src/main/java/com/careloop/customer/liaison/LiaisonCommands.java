package com.careloop.customer.liaison;

import java.util.List;

import com.careloop.customer.archive.CustomerCommands;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Commands and read models of the liaison archive; phones in views are masked for the reader. */
public final class LiaisonCommands {

    private LiaisonCommands() {
    }

    public record ContactInput(@NotBlank @Size(max = 100) String name, @Size(max = 100) String title,
                        @Pattern(regexp = CustomerCommands.PHONE, message = "{validation.phone}") String phone,
                        @Email @Size(max = 200) String email) {
    }

    public record SaveParty(@NotBlank @Size(max = 200) String name, @NotNull LiaisonKind kind,
                     @Pattern(regexp = CustomerCommands.PHONE, message = "{validation.phone}") String phone,
                     @Size(max = 300) String address, @Size(max = 2000) String remarks,
                     @Size(max = 20) List<@Valid ContactInput> contacts, Long version) {
    }

    public record Filter(String q, LiaisonKind kind, Boolean includeInactive) {
    }

    public record Row(long id, String name, LiaisonKind kind, String phone, String address, String mainContact, boolean active) {
    }

    public record ContactView(long id, String name, String title, String phone, String email) {
    }

    public record Detail(long id, String name, LiaisonKind kind, String phone, String address, String remarks, boolean active,
                  List<ContactView> contacts, boolean masked, long version) {
    }
}
