package org.physiocds.internal.kb;

import org.physiocds.Action;
import org.physiocds.model.Target;

/** A rule sets how much of an advised action to do. */
public record Dose(Action action, Target target, String text, String rationale) implements Conclusion {
}
