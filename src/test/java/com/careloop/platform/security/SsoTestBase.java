package com.careloop.platform.security;

import java.util.List;

import com.careloop.support.ApiTestBase;

import tools.jackson.databind.JsonNode;

/** What the single sign-on tests look up after a sign-in: the account and the actions of its audit trail. */
abstract class SsoTestBase extends ApiTestBase {

    protected JsonNode user(String username) {
        return get("/api/v1/users?q=" + username, tokenFor("admin")).json().get("items").get(0);
    }

    protected int accountsMatching(String username) {
        return get("/api/v1/users?q=" + username, tokenFor("admin")).json().get("items").size();
    }

    protected List<String> actions(JsonNode user) {
        return get("/api/v1/audit-events/user/" + user.get("id").asLong(), tokenFor("admin")).json().valueStream()
                .map(e -> e.get("action").asString()).toList();
    }
}
