package com.careloop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/** Paging through a keyset-paged list of the API ({@code items[].id}, {@code nextCursor}) in tests. */
public final class KeysetPages {

    private KeysetPages() {
    }

    /** The ids of the first {@code pages} pages of {@code path} (which has its query already), following the cursor. */
    public static List<Long> ids(Function<String, ApiTestBase.Response> get, String path, int pages) {
        return ids(get, path, pages, "id");
    }

    /** The same, collecting the field {@code key} of each item (a list keyed by another id, e.g. {@code roundId}). */
    public static List<Long> ids(Function<String, ApiTestBase.Response> get, String path, int pages, String key) {
        List<Long> found = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            ApiTestBase.Response r = get.apply(path + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode json = r.json();
            json.get("items").forEach(item -> found.add(item.get(key).asLong()));
            cursor = json.get("nextCursor") == null || json.get("nextCursor").isNull() ? null : json.get("nextCursor").asString();
        } while (cursor != null && ++page < pages);
        return found;
    }

    /** {@code n} random CJK ideographs (a keyword no other test's data contains by chance). */
    public static String cjk(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) (0x4E00 + random.nextInt(20000)));
        }
        return s.toString();
    }
}
