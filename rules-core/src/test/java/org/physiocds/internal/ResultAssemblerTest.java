package org.physiocds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResultAssemblerTest {

    /** Lists of short strings over a small alphabet, so that prefixes, empty strings and ties are common. */
    @Test
    void compareJoined_randomLists_agreesWithComparingTheJoinedStrings() {
        Random random = new Random(11);
        String alphabet = "ab\nA ";
        for (int n = 0; n < 200_000; n++) {
            List<String> a = randomList(random, alphabet);
            List<String> b = random.nextInt(4) == 0 ? new ArrayList<>(a) : randomList(random, alphabet);
            int expected = Integer.signum(String.join("\n", a).compareTo(String.join("\n", b)));
            assertEquals(expected, Integer.signum(ResultAssembler.compareJoined(a, b)), a + " vs " + b);
        }
    }

    private static List<String> randomList(Random random, String alphabet) {
        List<String> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(4); k > 0; k--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            list.add(s.toString());
        }
        return list;
    }
}
