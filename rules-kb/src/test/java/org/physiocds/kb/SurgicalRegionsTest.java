package org.physiocds.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.physiocds.internal.kb.SurgicalRegions;
import org.physiocds.model.Muscle;
import org.physiocds.model.Region;
import org.physiocds.safety.SeedFiles;

/**
 * The one reviewed table of what a surgery holds (SurgicalRegions) is the table documented with its
 * clinical reasons in docs/surgical-regions.md, row for row, and every muscle is held by a surgery
 * of its own region.
 */
class SurgicalRegionsTest {

    @Test
    void documentedTable_isTheTableInCode() throws IOException {
        Map<Region, String[]> documented = new EnumMap<>(Region.class);
        for (String line : Files.readAllLines(SeedFiles.ROOT.resolve("docs/surgical-regions.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                documented.put(Region.valueOf(codes(cells[1]).iterator().next()), cells);
            }
        }

        assertEquals(Set.of(Region.values()), documented.keySet(), "a row per region");
        documented.forEach((region, cells) -> {
            SurgicalRegions.Row row = SurgicalRegions.of(region);
            assertEquals(row.muscles().stream().map(Muscle::name).collect(Collectors.toSet()), codes(cells[2]), region + " muscles");
            assertEquals(row.regions().stream().map(Region::name).collect(Collectors.toSet()), codes(cells[3]), region + " regions");
            assertTrue(cells[4].trim().length() > 40, region + " has its clinical reason");
        });
    }

    @Test
    void everyMuscle_isHeldBySurgeryOfItsOwnRegion_andEveryRegionHoldsItself() {
        for (Muscle m : Muscle.values()) {
            assertTrue(SurgicalRegions.holdsMuscle(m.region(), m), m.name());
        }
        for (Region r : Region.values()) {
            assertTrue(SurgicalRegions.holdsRegion(r, r), r.name());
        }
    }

    private static Set<String> codes(String cell) {
        return Arrays.stream(cell.split(",")).map(c -> c.trim().replace("`", "")).filter(c -> !c.isEmpty())
                .collect(Collectors.toSet());
    }
}
