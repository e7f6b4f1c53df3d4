package org.physiocds.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.physiocds.Action;
import org.physiocds.FlagCode;
import org.physiocds.Phase;

/**
 * What each rule of a rule file concludes, read from the file's text (the compiled model keeps
 * the consequence as code, not as data): the actions of the advice it proposes
 * ({@code Advice.muscle(Action.STRETCH, ...)}, {@code Advice.doNotStretch(...)},
 * {@code Advice.refer(...)}), the flags it raises ({@code new Alert(FlagCode.X, ...)}), whether it
 * withholds advice ({@code new Overrule(...)}), and, for a rule that only sets a dosage
 * ({@code new Dose($s, ...)}), the action of the item it doses ({@code $s : Advice( action ==
 * Action.STRETCH )}). Comments are ignored. For describing the rules, never for running them.
 */
final class RuleSources {

    /** What one rule concludes, as its file says. */
    record RuleSource(String file, List<Action> actions, List<FlagCode> flags, boolean withholds, Phase phase) {
    }

    private static final Pattern RULE = Pattern.compile("(?ms)^rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"(.*?)^end\\b");
    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\s*$");
    private static final Pattern ACTION = Pattern.compile("\\bAction\\.([A-Z][A-Z_]*)\\b");
    private static final Pattern DO_NOT_STRETCH = Pattern.compile("\\bAdvice\\.doNotStretch\\s*\\(");
    private static final Pattern REFER = Pattern.compile("\\bAdvice\\.refer\\s*\\(");
    private static final Pattern ALERT = Pattern.compile("\\bnew\\s+Alert\\s*\\(\\s*FlagCode\\.([A-Z][A-Z_]*)");
    private static final Pattern OVERRULE = Pattern.compile("\\bnew\\s+Overrule\\s*\\(");
    private static final Pattern DOSE = Pattern.compile("\\bnew\\s+Dose\\s*\\(\\s*(\\$\\w+)");

    private RuleSources() {
    }

    /** Each rule of {@code text} (a rule file named {@code file}) by its name, in file order. */
    static Map<String, RuleSource> parse(String file, String text) {
        Map<String, RuleSource> rules = new LinkedHashMap<>();
        Matcher rule = RULE.matcher(withoutComments(text));
        while (rule.find()) {
            String body = rule.group(2);
            Matcher then = THEN.matcher(body);
            boolean split = then.find();
            String when = split ? body.substring(0, then.start()) : body;
            String consequence = split ? body.substring(then.end()) : "";
            rules.put(rule.group(1).replace("\\\"", "\"").replace("\\\\", "\\"), describe(file, when, consequence));
        }
        return rules;
    }

    private static RuleSource describe(String file, String when, String then) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        Matcher action = ACTION.matcher(then);
        while (action.find()) {
            actions.add(Action.valueOf(action.group(1)));
        }
        if (DO_NOT_STRETCH.matcher(then).find()) {
            actions.add(Action.DO_NOT_STRETCH);
        }
        if (REFER.matcher(then).find()) {
            actions.add(Action.REFER);
        }
        Set<FlagCode> flags = EnumSet.noneOf(FlagCode.class);
        Matcher alert = ALERT.matcher(then);
        while (alert.find()) {
            flags.add(FlagCode.valueOf(alert.group(1)));
        }
        Phase phase = firstPhase(actions);
        if (phase == null) {
            Set<Action> dosed = EnumSet.noneOf(Action.class);
            Matcher dose = DOSE.matcher(then);
            while (dose.find()) {
                dosed.addAll(actionsOfPattern(when, dose.group(1)));
            }
            phase = firstPhase(dosed);
        }
        return new RuleSource(file, List.copyOf(actions), List.copyOf(flags), OVERRULE.matcher(then).find(), phase);
    }

    /** The actions named in the pattern {@code variable : Advice( ... )} of a rule's condition. */
    private static Set<Action> actionsOfPattern(String when, String variable) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        Matcher pattern = Pattern.compile(Pattern.quote(variable) + "\\s*:\\s*Advice\\s*\\(([^\\n]*)").matcher(when);
        while (pattern.find()) {
            Matcher action = ACTION.matcher(pattern.group(1));
            while (action.find()) {
                actions.add(Action.valueOf(action.group(1)));
            }
        }
        return actions;
    }

    private static Phase firstPhase(Set<Action> actions) {
        return actions.stream().map(Action::phase).min(Enum::compareTo).orElse(null);
    }

    /**
     * The text without its comments ({@code // ...} to the end of the line, outside string
     * literals, and {@code /* ... *}{@code /}), line breaks kept.
     */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inString = false;
        boolean inBlock = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (inBlock) {
                if (c == '*' && next == '/') {
                    inBlock = false;
                    i++;
                } else if (c == '\n') {
                    out.append(c);
                }
            } else if (inString) {
                out.append(c);
                if (c == '\\' && next != 0) {
                    out.append(next);
                    i++;
                } else if (c == '"' || c == '\n') {
                    inString = false;
                }
            } else if (c == '/' && next == '/') {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '/' && next == '*') {
                inBlock = true;
                i++;
            } else {
                if (c == '"') {
                    inString = true;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
