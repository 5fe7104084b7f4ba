package com.careloop.platform;

/**
 * One entry of the sidebar, contributed by a module through a {@link Navigation} bean; shown only to
 * users with {@code permission} (null: everyone signed in). Labels are message keys.
 */
public record NavItem(String groupKey, String labelKey, String href, String permission, int order) {
}
