package com.careloop.platform;

import java.util.List;

/** A module's contribution to "my work" on the home page: counts of what the signed-in person has to do. */
public interface WorkSource {

    /** The person's open work now; lines with nothing to do may be left out. */
    List<WorkCount> work(CurrentUser me);
}
