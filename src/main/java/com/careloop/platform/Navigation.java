package com.careloop.platform;

import java.util.List;

/** A module's sidebar entries. */
public interface Navigation {

    List<NavItem> items();
}
