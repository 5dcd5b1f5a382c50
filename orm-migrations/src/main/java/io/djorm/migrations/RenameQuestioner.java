package io.djorm.migrations;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a model or field that disappeared while a similar one appeared was renamed
 * (Django: the questioner). A refused rename becomes a removal and an addition, which loses the data,
 * so the autodetector reports every such case through {@link #removedDespiteCandidates}.
 */
public interface RenameQuestioner {

    /**
     * Whether {@code oldName} was renamed to {@code newName}.
     *
     * @param kind {@code "model"} or {@code "field"}
     * @param model the model ({@code "shop.Book"}); for a model rename, its old label
     */
    boolean isRename(String kind, String model, String oldName, String newName);

    /**
     * Called when {@code oldName} is about to be removed although similar {@code candidates} appeared
     * and none was confirmed as its new name. The default accepts the removal.
     */
    default void removedDespiteCandidates(String kind, String model, String oldName, List<String> candidates) {
    }

    /**
     * A questioner for scripts: renames listed as hints ({@code "shop.Book.title=heading"} for a field,
     * {@code "shop.Author=Writer"} for a model) are confirmed. Any other possible rename stops
     * makemigrations with an error that shows the hint to pass, unless {@code allowDropAndAdd}.
     */
    static RenameQuestioner hints(Collection<String> hints, boolean allowDropAndAdd) {
        Set<String> confirmed = new HashSet<>();
        hints.forEach(h -> confirmed.add(h.toLowerCase(Locale.ROOT)));
        return new RenameQuestioner() {
            @Override
            public boolean isRename(String kind, String model, String oldName, String newName) {
                return confirmed.contains(hint(kind, model, oldName, newName).toLowerCase(Locale.ROOT));
            }

            @Override
            public void removedDespiteCandidates(String kind, String model, String oldName, List<String> candidates) {
                if (allowDropAndAdd) return;
                String subject = kind.equals("model") ? model : model + "." + oldName;
                throw new MigrationError("The " + kind + " " + subject + " is gone and " + String.join(" or ", candidates)
                        + " appeared; it may have been renamed. Pass --rename "
                        + hint(kind, model, oldName, candidates.get(0)) + " to record a rename that keeps the data, or "
                        + "--no-rename to remove and add (the data of " + subject + " is lost).");
            }
        };
    }

    private static String hint(String kind, String model, String oldName, String newName) {
        return (kind.equals("model") ? model.substring(0, model.indexOf('.') + 1) + oldName : model + "." + oldName)
                + "=" + newName;
    }
}
